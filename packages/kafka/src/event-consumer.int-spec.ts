import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { DEAD_LETTER_HEADERS, deadLetterTopic, eventsTopic, streamIdOf, type EventEnvelope } from '@briefwatch/contracts';
import { silentLogger } from '@briefwatch/logging';
import { testKafkaBrokers, uniqueTopicPrefix, waitFor } from '@briefwatch/testing';
import { createKafka } from './kafka-client.js';
import { EventConsumer, type ConsumedEvent } from './event-consumer.js';
import { EventPublisher } from './event-publisher.js';
import { headerText } from './message-codec.js';
import { ensureTopics } from './topic-admin.js';

function sourceRegistered(position: number, sourceId = randomUUID()): EventEnvelope {
  return {
    eventId: randomUUID(),
    streamId: streamIdOf('source', sourceId),
    streamPosition: 1,
    globalPosition: position,
    type: 'SourceRegistered',
    schemaVersion: 1,
    data: {
      sourceId,
      feedUrl: `https://feeds.example.org/${position}.xml`,
      title: `Feed ${position}`,
      publisher: null,
      kind: 'publisher',
      registeredAt: new Date().toISOString(),
    },
    metadata: { correlationId: `corr-${position}`, causationId: null },
    recordedAt: new Date().toISOString(),
  };
}

describe('publishing and consuming events through a real broker', () => {
  const prefix = uniqueTopicPrefix();
  let kafka: Kafka;
  let publisher: EventPublisher;
  const consumers: EventConsumer[] = [];

  beforeAll(async () => {
    kafka = createKafka({ brokers: testKafkaBrokers(), clientId: 'kafka-int-spec', topicPrefix: prefix }, silentLogger);
    await ensureTopics(kafka, [eventsTopic('source', prefix)]);
    publisher = new EventPublisher(kafka, prefix);
    await publisher.connect();
  });

  afterAll(async () => {
    await Promise.all(consumers.map((consumer) => consumer.stop()));
    await publisher.disconnect();
  });

  async function startConsumer(groupId: string, handle: (event: ConsumedEvent) => Promise<void>) {
    const consumer = new EventConsumer(kafka, { groupId, categories: ['source'], topicPrefix: prefix, retryBaseMs: 10 }, handle, silentLogger);
    consumers.push(consumer);
    await consumer.start();
    return consumer;
  }

  it('delivers events with the stream id as key and the tracing headers set', async () => {
    const seen: ConsumedEvent[] = [];
    await startConsumer('delivery', async (event) => void seen.push(event));
    const sent = [sourceRegistered(1), sourceRegistered(2)];
    await publisher.publish(sent);

    await waitFor(() => seen.length, (n) => n >= 2, { description: 'two events consumed' });
    expect(seen.map((event) => event.envelope.eventId).sort()).toEqual(sent.map((e) => e.eventId).sort());
    expect(seen[0]!.topic).toBe(`${prefix}briefwatch.source.events.v1`);
    expect(seen.find((e) => e.envelope.eventId === sent[0]!.eventId)!.envelope.metadata.correlationId).toBe('corr-1');
  });

  it('sends an invalid message to the dead-letter topic with the reason, and keeps consuming behind it', async () => {
    const seen: string[] = [];
    await startConsumer('poison', async (event) => void seen.push(event.envelope.eventId));
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: eventsTopic('source', prefix),
      messages: [{ key: 'source-x', value: JSON.stringify({ ...sourceRegistered(3), data: { feedUrl: 'not a url' } }) }],
    });
    await producer.disconnect();
    const healthy = sourceRegistered(4);
    await publisher.publish([healthy]);

    await waitFor(() => seen.includes(healthy.eventId), Boolean, { description: 'the event after the poison message' });

    const dlt = kafka.consumer({ groupId: `dlt-reader-${randomUUID()}` });
    await dlt.connect();
    await dlt.subscribe({ topic: deadLetterTopic('source', 'poison', prefix), fromBeginning: true });
    const deadLettered: Array<{ code?: string; reason?: string; topic?: string }> = [];
    await dlt.run({
      eachMessage: async ({ message }) => {
        deadLettered.push({
          code: headerText(message.headers, DEAD_LETTER_HEADERS.errorCode),
          reason: headerText(message.headers, DEAD_LETTER_HEADERS.reason),
          topic: headerText(message.headers, DEAD_LETTER_HEADERS.originalTopic),
        });
      },
    });
    await waitFor(() => deadLettered.length, (n) => n >= 1, { description: 'the dead-lettered message' });
    await dlt.disconnect();

    // Partitions are consumed independently: the two earlier events may land after the healthy one.
    await waitFor(() => seen.length, (n) => n >= 3, { description: 'every valid event consumed' });
    expect(deadLettered[0]!.code).toBe('EVENT.INVALID_DATA');
    expect(deadLettered[0]!.reason).toMatch(/feedUrl/);
    expect(deadLettered[0]!.topic).toBe(eventsTopic('source', prefix));
    expect(seen).toHaveLength(3);
  });

  it('retries a failing handler and delivers the event once it succeeds', async () => {
    let attempts = 0;
    const done: string[] = [];
    await startConsumer('flaky', async (event) => {
      if (event.envelope.globalPosition !== 5) return;
      attempts += 1;
      if (attempts < 3) throw new Error('database briefly unavailable');
      done.push(event.envelope.eventId);
    });
    const flaky = sourceRegistered(5);
    await publisher.publish([flaky]);
    await waitFor(() => done.length, (n) => n === 1, { description: 'the retried event' });
    expect(attempts).toBe(3);
  });
});
