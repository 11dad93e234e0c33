import { randomUUID } from 'node:crypto';
import type { Kafka, KafkaMessage } from 'kafkajs';
import { DEAD_LETTER_HEADERS, RETRY_HEADERS, TOPIC_DOMAIN } from '@briefwatch/contracts';
import { headerText } from './message-codec.js';

/** A message a consumer group gave up on, as an operator reads it. */
export interface DeadLetter {
  /** `topic:partition:offset`: how an operator names it to show or replay it. */
  ref: string;
  topic: string;
  partition: number;
  offset: string;
  /** The message key: the event's stream, so a replay lands on the same partition as its stream. */
  key: string | null;
  consumerGroup: string | null;
  code: string | null;
  reason: string | null;
  failedAt: string | null;
  original: { topic: string | null; partition: string | null; offset: string | null };
  eventId: string | null;
  eventType: string | null;
  headers: Record<string, string>;
  value: string | null;
}

const DEAD_LETTER_TOPIC = /\.dlt$/;

function text(message: KafkaMessage, name: string): string | null {
  return headerText(message.headers, name) ?? null;
}

function asDeadLetter(topic: string, partition: number, message: KafkaMessage): DeadLetter {
  const value = message.value?.toString('utf8') ?? null;
  let envelope: { eventId?: unknown; type?: unknown } = {};
  try {
    envelope = value ? (JSON.parse(value) as typeof envelope) : {};
  } catch {
    // Not JSON: an invalid message, dead-lettered for that very reason.
  }
  const headers = Object.fromEntries(Object.keys(message.headers ?? {}).map((name) => [name, headerText(message.headers, name) ?? '']));
  return {
    ref: `${topic}:${partition}:${message.offset}`,
    topic,
    partition,
    offset: message.offset,
    key: message.key?.toString('utf8') ?? null,
    consumerGroup: text(message, DEAD_LETTER_HEADERS.consumerGroup),
    code: text(message, DEAD_LETTER_HEADERS.errorCode),
    reason: text(message, DEAD_LETTER_HEADERS.reason),
    failedAt: text(message, DEAD_LETTER_HEADERS.failedAt),
    original: { topic: text(message, DEAD_LETTER_HEADERS.originalTopic), partition: text(message, DEAD_LETTER_HEADERS.originalPartition), offset: text(message, DEAD_LETTER_HEADERS.originalOffset) },
    eventId: typeof envelope.eventId === 'string' ? envelope.eventId : null,
    eventType: typeof envelope.type === 'string' ? envelope.type : null,
    headers,
    value,
  };
}

/** The dead-letter topics of this deployment (its topic prefix). */
export async function deadLetterTopics(kafka: Kafka, topicPrefix: string): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return (await admin.listTopics()).filter((topic) => topic.startsWith(`${topicPrefix}${TOPIC_DOMAIN}.`) && DEAD_LETTER_TOPIC.test(topic)).sort();
  } finally {
    await admin.disconnect();
  }
}

/**
 * Every message on the given dead-letter topics, read up to what they held when asked, by
 * a reader that commits nothing and leaves no consumer group behind.
 */
export async function readDeadLetters(kafka: Kafka, topics: readonly string[]): Promise<DeadLetter[]> {
  const admin = kafka.admin();
  await admin.connect();
  const groupId = `briefwatch-dead-letter-reader-${randomUUID()}`;
  try {
    // Where each partition ends now: reading stops there.
    const ends = new Map<string, bigint>();
    for (const topic of topics) {
      for (const { partition, low, high } of await admin.fetchTopicOffsets(topic)) if (BigInt(high) > BigInt(low)) ends.set(`${topic}:${partition}`, BigInt(high));
    }
    if (ends.size === 0) return [];
    const found: DeadLetter[] = [];
    const reader = kafka.consumer({ groupId, allowAutoTopicCreation: false });
    await reader.connect();
    try {
      const done = new Promise<void>((resolve, reject) => {
        const remaining = new Set(ends.keys());
        reader.subscribe({ topics: [...topics], fromBeginning: true }).then(
          () =>
            reader.run({
              autoCommit: false,
              eachMessage: async ({ topic, partition, message }) => {
                const key = `${topic}:${partition}`;
                const end = ends.get(key);
                if (end === undefined || BigInt(message.offset) >= end) return;
                found.push(asDeadLetter(topic, partition, message));
                if (BigInt(message.offset) + 1n >= end) remaining.delete(key);
                if (remaining.size === 0) resolve();
              },
            }),
          reject,
        );
      });
      await done;
    } finally {
      await reader.disconnect();
    }
    return found.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
  } finally {
    await admin.deleteGroups([groupId]).catch(() => {});
    await admin.disconnect();
  }
}

/** `topic:partition:offset` → its parts, or null when it is not one. */
export function parseDeadLetterRef(ref: string): { topic: string; partition: number; offset: string } | null {
  const match = /^(.+\.dlt):(\d+):(\d+)$/.exec(ref);
  return match ? { topic: match[1]!, partition: Number(match[2]), offset: match[3]! } : null;
}

/**
 * Hands a dead letter back to the group that gave up on it, through that group's retry
 * topic: tried at once, with every round of retries ahead of it again. Other groups never
 * see it a second time.
 */
export async function replayDeadLetter(kafka: Kafka, letter: DeadLetter): Promise<string> {
  const retryTopic = letter.topic.replace(DEAD_LETTER_TOPIC, '.retry');
  const headers = { ...letter.headers, [RETRY_HEADERS.round]: '0', [RETRY_HEADERS.notBefore]: String(Date.now()) };
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    await producer.send({ topic: retryTopic, acks: -1, messages: [{ key: letter.key, value: letter.value, headers }] });
  } finally {
    await producer.disconnect();
  }
  return retryTopic;
}
