import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { DEAD_LETTER_HEADERS, deadLetterTopic, eventsTopic, streamIdOf, type EventEnvelope } from '@briefwatch/contracts';
import { silentLogger } from '@briefwatch/logging';
import { testKafkaBrokers, uniqueTopicPrefix, waitFor } from '@briefwatch/testing';
import { createKafka } from './kafka-client.js';
import { EventConsumer, type ConsumedEvent, type HandlerOutcome } from './event-consumer.js';
import { EventPublisher } from './event-publisher.js';
import { headerText } from './message-codec.js';
import { ensureTopics } from './topic-admin.js';

function sourceRegistered(position: number, sourceId: string = randomUUID()): EventEnvelope {
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

  describe('handing events over in batches', () => {
    async function startBatchConsumer(groupId: string, handle: (events: readonly ConsumedEvent[]) => Promise<HandlerOutcome[]>) {
      const consumer = new EventConsumer(kafka, { groupId, categories: ['source'], topicPrefix: prefix, retryBaseMs: 10, maxBatchEvents: 8 }, { batch: handle }, silentLogger);
      consumers.push(consumer);
      await consumer.start();
    }
    // The topic holds the other tests' events too: each test looks at its own.
    const only = (ids: string[], sent: readonly EventEnvelope[]) => ids.filter((id) => sent.some((e) => e.eventId === id));
    // One stream: one partition, so one order to keep.
    const oneStream = (first: number, count: number, sourceId = randomUUID()) => Array.from({ length: count }, (_, i) => ({ ...sourceRegistered(first + i, sourceId), streamPosition: i + 1 }));

    it('hands the events of a partition over in order, in runs no longer than asked, each once', async () => {
      const batches: string[][] = [];
      await startBatchConsumer('batches', async (events) => {
        batches.push(events.map((e) => e.envelope.eventId));
        return events.map(() => 'applied');
      });
      const sent = oneStream(100, 30);
      await publisher.publish(sent);
      await waitFor(() => only(batches.flat(), sent).length, (n) => n >= 30, { description: 'thirty events consumed' });
      expect(only(batches.flat(), sent)).toEqual(sent.map((e) => e.eventId));
      expect(Math.max(...batches.map((b) => b.length))).toBeLessThanOrEqual(8);
      expect(batches.some((b) => b.length > 1)).toBe(true);
    });

    it('dead-letters an invalid message in its place and hands over the events around it in order', async () => {
      const handled: string[] = [];
      await startBatchConsumer('batch-poison', async (events) => {
        handled.push(...events.map((e) => e.envelope.eventId));
        return events.map(() => 'applied');
      });
      const sourceId = randomUUID();
      const [before, after] = [oneStream(200, 3, sourceId), oneStream(203, 3, sourceId)];
      await publisher.publish(before);
      const producer = kafka.producer();
      await producer.connect();
      await producer.send({ topic: eventsTopic('source', prefix), messages: [{ key: streamIdOf('source', sourceId), value: '{"not": "an event"}' }] });
      await producer.disconnect();
      await publisher.publish(after);
      const mine = [...before, ...after];
      await waitFor(() => only(handled, mine).length, (n) => n >= 6, { description: 'the events on both sides of the poison' });
      expect(only(handled, mine)).toEqual(mine.map((e) => e.eventId));
    });

    it('tries a failing batch again, whole, until it succeeds', async () => {
      const attempts: number[] = [];
      const done: string[] = [];
      const sent = oneStream(300, 4);
      await startBatchConsumer('batch-flaky', async (events) => {
        if (only(events.map((e) => e.envelope.eventId), sent).length === 0) return events.map(() => 'applied');
        attempts.push(events.length);
        if (attempts.length < 3) throw new Error('database briefly unavailable');
        done.push(...events.map((e) => e.envelope.eventId));
        return events.map(() => 'applied');
      });
      await publisher.publish(sent);
      await waitFor(() => done.length, (n) => n >= 4, { description: 'the retried batch' });
      expect(only(done, sent)).toEqual(sent.map((e) => e.eventId));
      expect(attempts.length).toBeGreaterThanOrEqual(3);
      expect(attempts[1]).toBe(attempts[0]);
    });
  });

  it('passes events over unread while told to skip, and hands over what comes after', async () => {
    // A topic of its own, so that the one event it skips is the only one before the switch.
    const ownPrefix = uniqueTopicPrefix();
    await ensureTopics(kafka, [eventsTopic('source', ownPrefix)]);
    const ownPublisher = new EventPublisher(kafka, ownPrefix);
    await ownPublisher.connect();
    const sourceId = randomUUID();
    const [passedOver, marker] = [sourceRegistered(400, sourceId), sourceRegistered(401, sourceId)];
    await ownPublisher.publish([passedOver]);

    let skipping = true;
    let skipped = 0;
    const seen: string[] = [];
    const skipWhile = () => {
      if (skipping) skipped += 1;
      return skipping;
    };
    const consumer = new EventConsumer(kafka, { groupId: 'live-like', categories: ['source'], topicPrefix: ownPrefix, skipWhile }, async (event) => void seen.push(event.envelope.eventId), silentLogger);
    consumers.push(consumer);
    await consumer.start();
    await waitFor(() => skipped, (n) => n >= 1, { description: 'the event passed over' });
    skipping = false;
    await ownPublisher.publish([marker]);
    await waitFor(() => seen.includes(marker.eventId), Boolean, { description: 'the event after skipping' });
    await ownPublisher.disconnect();
    expect(seen).toEqual([marker.eventId]);
    expect(skipped).toBe(1);
  });
});
