import { CompressionTypes, Partitioners } from 'kafkajs';
import { createKafka, encodeEnvelope, ensureTopics } from '@briefwatch/kafka';
import { createLogger } from '@briefwatch/logging';
import { uniqueTopicPrefix, waitFor } from '@briefwatch/testing';
import type { EventEnvelope } from '@briefwatch/contracts';

export interface BrokerLimit {
  messages: number;
  megabytes: number;
  produceItemsPerSecond: number;
  itemsPerSecond: number;
}

/**
 * The broker's own limit for our payloads: kafkajs producing the encoded events in the
 * relay's batches (acks from all replicas, one request in flight) while a consumer group reads
 * them back doing nothing else, on a topic with our partitioning. The time runs from the
 * first send to the last message consumed.
 */
export async function measureBrokerLimit(brokers: string, envelopes: readonly EventEnvelope[], batchSize: number): Promise<BrokerLimit> {
  const logger = createLogger({ service: 'bench', level: 'error', format: 'json' });
  const kafka = createKafka({ brokers: brokers.split(','), clientId: 'briefwatch-bench', topicPrefix: '' }, logger);
  const topic = `${uniqueTopicPrefix('bench')}events.article`;
  await ensureTopics(kafka, [topic]);
  const messages = envelopes.map(encodeEnvelope);
  const bytes = messages.reduce((sum, m) => sum + Buffer.byteLength(m.value as Buffer | string), 0);
  const producer = kafka.producer({ maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
  const consumer = kafka.consumer({ groupId: `${topic}.reader`, allowAutoTopicCreation: false });
  let consumed = 0;
  try {
    await Promise.all([producer.connect(), consumer.connect()]);
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.run({ eachBatch: async ({ batch }) => void (consumed += batch.messages.length) });
    await joined;
    const started = performance.now();
    for (let i = 0; i < messages.length; i += batchSize) {
      await producer.send({ topic, messages: messages.slice(i, i + batchSize), acks: -1, compression: CompressionTypes.None });
    }
    const produced = performance.now();
    await waitFor(() => consumed >= messages.length, Boolean, { description: 'every message consumed', timeoutMs: 600_000, intervalMs: 20 });
    const done = performance.now();
    return {
      messages: messages.length,
      megabytes: Number((bytes / 1_048_576).toFixed(1)),
      produceItemsPerSecond: Math.round(messages.length / ((produced - started) / 1000)),
      itemsPerSecond: Math.round(messages.length / ((done - started) / 1000)),
    };
  } finally {
    await Promise.allSettled([producer.disconnect(), consumer.disconnect()]);
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => {});
    await admin.disconnect();
  }
}
