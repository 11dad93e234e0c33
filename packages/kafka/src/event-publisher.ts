import { CompressionTypes, Partitioners, type Kafka, type Producer, type TopicMessages } from 'kafkajs';
import { eventsTopic, streamCategoryOf, type EventEnvelope } from '@briefwatch/contracts';
import { encodeEnvelope } from './message-codec.js';

/**
 * Publishes stored events to their category's topic. Resolves only when every broker
 * involved has acknowledged them (acks = all), so a caller may then advance its checkpoint.
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

  async publish(envelopes: readonly EventEnvelope[]): Promise<void> {
    if (envelopes.length === 0) return;
    const byTopic = new Map<string, TopicMessages>();
    for (const envelope of envelopes) {
      const topic = eventsTopic(streamCategoryOf(envelope.streamId), this.topicPrefix);
      const entry = byTopic.get(topic) ?? { topic, messages: [] };
      entry.messages.push(encodeEnvelope(envelope));
      byTopic.set(topic, entry);
    }
    await this.producer.sendBatch({ topicMessages: [...byTopic.values()], acks: -1, compression: CompressionTypes.None });
  }
}
