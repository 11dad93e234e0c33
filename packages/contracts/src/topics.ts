import type { StreamCategory } from './stream.js';

/**
 * Every Kafka topic name briefwatch uses, in one place:
 * `briefwatch.<category>.events.v<N>`, and per consumer group `.<group>.retry` / `.<group>.dlt`.
 * A prefix (KAFKA_TOPIC_PREFIX) keeps test runs and deployments sharing a broker apart.
 */
export const TOPIC_DOMAIN = 'briefwatch';
export const TOPIC_VERSION = 1;

export function eventsTopic(category: StreamCategory, prefix = ''): string {
  return `${prefix}${TOPIC_DOMAIN}.${category}.events.v${TOPIC_VERSION}`;
}

export function retryTopic(category: StreamCategory, consumerGroup: string, prefix = ''): string {
  return `${eventsTopic(category, prefix)}.${consumerGroup}.retry`;
}

export function deadLetterTopic(category: StreamCategory, consumerGroup: string, prefix = ''): string {
  return `${eventsTopic(category, prefix)}.${consumerGroup}.dlt`;
}

/**
 * Alerts that could not be delivered after the last attempt, with their payload and the
 * last error: for an operator's tooling to pick up. They also stay, failed, in Postgres,
 * for a replay once the endpoint is fixed.
 */
export function undeliverableAlertsTopic(prefix = ''): string {
  return `${prefix}${TOPIC_DOMAIN}.alerts.undeliverable.v${TOPIC_VERSION}`;
}
