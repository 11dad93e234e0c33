import { CompressionTypes, Partitioners, type Kafka, type Message, type Producer, type TopicMessages } from 'kafkajs';
import { eventsTopic, streamCategoryOf, type EventEnvelope } from '@briefwatch/contracts';
import { encodeEnvelope } from './message-codec.js';

/**
 * Bytes of messages sent in one request at most: under the broker's 1 MiB default for a
 * partition's batch (`message.max.bytes`), whatever partitions the messages go to.
 */
export const MAX_REQUEST_BYTES = 900 * 1024;

/** An event the broker would not take, and what it said. */
export interface RefusedEvent {
  envelope: EventEnvelope;
  reason: string;
}

/** Error types with which the broker refuses a message for what it is (its size above all): no retry will change its mind. */
const REFUSED_FOR_WHAT_IT_IS = new Set(['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE', 'INVALID_RECORD']);

/** The broker's reason when it refused messages for what they are, not for a passing trouble; null otherwise. */
export function refusalOf(error: unknown): string | null {
  const seen = new Set<unknown>();
  const visit = (e: unknown): string | null => {
    if (!e || typeof e !== 'object' || seen.has(e)) return null;
    seen.add(e);
    const { type, message, errors, originalError, cause } = e as { type?: string; message?: string; errors?: unknown[]; originalError?: unknown; cause?: unknown };
    if (type && REFUSED_FOR_WHAT_IT_IS.has(type)) return `${type}: ${message ?? 'refused by the broker'}`;
    for (const inner of [...(errors ?? []), originalError, cause]) {
      const found = visit(inner);
      if (found) return found;
    }
    return null;
  };
  return visit(error);
}

interface Outgoing {
  envelope: EventEnvelope;
  topic: string;
  message: Message;
  bytes: number;
}

/** Consecutive runs of messages, each within MAX_REQUEST_BYTES (a message bigger than that alone in its run). */
function requests(outgoing: readonly Outgoing[]): Outgoing[][] {
  const runs: Outgoing[][] = [];
  let run: Outgoing[] = [];
  let bytes = 0;
  for (const item of outgoing) {
    if (run.length > 0 && bytes + item.bytes > MAX_REQUEST_BYTES) {
      runs.push(run);
      run = [];
      bytes = 0;
    }
    run.push(item);
    bytes += item.bytes;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/**
 * Publishes stored events to their category's topic. Resolves only when every broker
 * involved has acknowledged them (acks = all), so a caller may then advance its checkpoint.
 * Events go in requests the broker accepts by size, in order; an event the broker refuses
 * for what it is (too large) is answered back, not retried for ever, and the rest go on.
 */
export class EventPublisher {
  private readonly producer: Producer;

  constructor(kafka: Kafka, private readonly topicPrefix: string) {
    // One request in flight keeps a stream's events in order across retries. A retry may
    // still write a message twice: delivery is at least once, and consumers' inboxes absorb it.
    this.producer = kafka.producer({
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  connect(): Promise<void> {
    return this.producer.connect();
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }

  /** Publishes every event it can; answers those the broker refused, with its reason. */
  async publish(envelopes: readonly EventEnvelope[]): Promise<{ refused: RefusedEvent[] }> {
    const refused: RefusedEvent[] = [];
    const outgoing = envelopes.map((envelope) => {
      const message = encodeEnvelope(envelope);
      return { envelope, topic: eventsTopic(streamCategoryOf(envelope.streamId), this.topicPrefix), message, bytes: Buffer.byteLength(message.value as string, 'utf8') + 512 };
    });
    for (const request of requests(outgoing)) await this.send(request, refused);
    return { refused };
  }

  /** Sends one request; refused for size, it is halved until the message refused stands alone. */
  private async send(request: readonly Outgoing[], refused: RefusedEvent[]): Promise<void> {
    const byTopic = new Map<string, TopicMessages>();
    for (const { topic, message } of request) {
      const entry = byTopic.get(topic) ?? { topic, messages: [] };
      entry.messages.push(message);
      byTopic.set(topic, entry);
    }
    try {
      await this.producer.sendBatch({ topicMessages: [...byTopic.values()], acks: -1, compression: CompressionTypes.None });
    } catch (error) {
      const reason = refusalOf(error);
      if (!reason) throw error;
      if (request.length === 1) {
        refused.push({ envelope: request[0]!.envelope, reason });
        return;
      }
      const half = Math.ceil(request.length / 2);
      await this.send(request.slice(0, half), refused);
      await this.send(request.slice(half), refused);
    }
  }
}
