import type { Kafka } from 'kafkajs';
import { eventsTopic, STREAM_CATEGORIES } from '@briefwatch/contracts';
import { longestRetentionMs } from '@briefwatch/kafka';
import type { RetentionPolicy } from './expired-data.js';

const DAY_MS = 86_400_000;

/**
 * The inbox days that keep redelivery harmless: an inbox record has to outlive every copy of
 * its event the broker may still hand out (a consumer group whose offsets expired starts
 * again from the oldest message kept). So the inbox is kept at least a day longer than the
 * events topics keep messages, and for ever when a topic keeps them for ever, whatever
 * RETENTION_INBOX_DAYS says.
 */
export function inboxDaysBeyond(inboxDays: number, brokerRetentionMs: number): number {
  if (inboxDays === 0 || brokerRetentionMs === Infinity) return 0;
  return Math.max(inboxDays, Math.ceil(brokerRetentionMs / DAY_MS) + 1);
}

/** The policy to prune by now: the configured one, with the inbox kept past the broker's retention (read from the broker). */
export async function policyBeyondBroker(kafka: Kafka, topicPrefix: string, policy: RetentionPolicy): Promise<RetentionPolicy> {
  if (policy.inboxDays === 0) return policy;
  const retentionMs = await longestRetentionMs(kafka, STREAM_CATEGORIES.map((category) => eventsTopic(category, topicPrefix)));
  return { ...policy, inboxDays: inboxDaysBeyond(policy.inboxDays, retentionMs) };
}
