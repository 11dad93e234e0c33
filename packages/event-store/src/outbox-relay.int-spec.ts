import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { eventsTopic, streamIdOf, type EventEnvelope } from '@briefwatch/contracts';
import { createTestDatabase, type TestDatabase } from '@briefwatch/db/testing';
import { createKafka, ensureTopics, EventPublisher } from '@briefwatch/kafka';
import { silentLogger } from '@briefwatch/logging';
import { testKafkaBrokers, uniqueTopicPrefix, waitFor } from '@briefwatch/testing';
import { readCommittedAfter, START_OF_STORE } from './committed-events.js';
import { appendToStream } from './event-store.js';
import { OutboxRelay, type EventSink } from './outbox-relay.js';

const metadata = { correlationId: 'relay-test', causationId: null };

function registered(sourceId: string, title: string) {
  return {
    type: 'SourceRegistered',
    schemaVersion: 1,
    data: { sourceId, feedUrl: `https://feeds.example.org/${sourceId}.xml`, title, publisher: null, kind: 'publisher', registeredAt: '2026-11-28T08:00:00.000Z' },
  };
}

describe('the outbox relay', () => {
  const prefix = uniqueTopicPrefix('relay');
  let db: TestDatabase;
  let kafka: Kafka;
  let publisher: EventPublisher;
  const received: Array<{ key: string; eventId: string; title: string }> = [];
  let reader: ReturnType<Kafka['consumer']>;

  beforeAll(async () => {
    db = await createTestDatabase();
    kafka = createKafka({ brokers: testKafkaBrokers(), clientId: 'relay-int-spec', topicPrefix: prefix }, silentLogger);
    await ensureTopics(kafka, [eventsTopic('source', prefix)]);
    publisher = new EventPublisher(kafka, prefix);
    await publisher.connect();
    reader = kafka.consumer({ groupId: `relay-reader-${randomUUID()}` });
    await reader.connect();
    await reader.subscribe({ topic: eventsTopic('source', prefix), fromBeginning: true });
    await reader.run({
      eachMessage: async ({ message }) => {
        const envelope = JSON.parse(message.value!.toString()) as EventEnvelope<{ title: string }>;
        received.push({ key: message.key!.toString(), eventId: envelope.eventId, title: envelope.data.title });
      },
    });
  });

  afterAll(async () => {
    await reader.disconnect();
    await publisher.disconnect();
    await db.drop();
  });

  /** Committed events become readable once every older transaction on the server has ended. */
  async function visible(eventIds: string[]) {
    await waitFor(() => readCommittedAfter(db.prisma, START_OF_STORE, 100_000), (batch) => eventIds.every((id) => batch.events.some((e) => e.eventId === id)), {
      description: 'the appended events visible to readers',
    });
  }

  function relay(sink: EventSink = publisher, batchSize = 100) {
    return new OutboxRelay(db.prisma, sink, { batchSize, pollIntervalMs: 20 }, silentLogger);
  }

  it('publishes committed events to Kafka, keyed by stream id, in order within each stream', async () => {
    const a = randomUUID();
    const b = randomUUID();
    await appendToStream(db.prisma, streamIdOf('source', a), [registered(a, 'a1'), registered(a, 'a2')], { expectedVersion: 0, metadata });
    await appendToStream(db.prisma, streamIdOf('source', b), [registered(b, 'b1')], { expectedVersion: 0, metadata });
    await appendToStream(db.prisma, streamIdOf('source', a), [registered(a, 'a3')], { expectedVersion: 2, metadata });

    const running = relay(publisher, 2);
    running.start();
    await waitFor(() => received.length, (n) => n >= 4, { description: 'four events on Kafka' });
    await running.stop();

    expect(received.filter((m) => m.key === streamIdOf('source', a)).map((m) => m.title)).toEqual(['a1', 'a2', 'a3']);
    expect(received.filter((m) => m.key === streamIdOf('source', b)).map((m) => m.title)).toEqual(['b1']);
    expect(await relay().publishBatch()).toBe(0);
  });

  it('keeps its checkpoint when the broker does not acknowledge, and publishes the batch again', async () => {
    const id = randomUUID();
    const appended = await appendToStream(db.prisma, streamIdOf('source', id), [registered(id, 'retried')], { expectedVersion: 0, metadata });
    let calls = 0;
    const failingOnce: EventSink = {
      publish: async (events) => {
        calls += 1;
        if (calls === 1) throw new Error('broker unavailable');
        await publisher.publish(events);
      },
    };

    await visible([appended.events[0]!.eventId]);
    const flaky = relay(failingOnce);
    await expect(flaky.publishBatch()).rejects.toThrow('broker unavailable');
    expect(await flaky.publishBatch()).toBe(1);
    expect(await flaky.publishBatch()).toBe(0);
    await waitFor(() => received.filter((m) => m.eventId === appended.events[0]!.eventId).length, (n) => n === 1, {
      description: 'the event published after the failure',
    });
  });

  it('lets only one of several relay instances publish a batch at a time, so nothing is published twice by them', async () => {
    const ids = Array.from({ length: 20 }, () => randomUUID());
    const eventIds: string[] = [];
    for (const id of ids) {
      const appended = await appendToStream(db.prisma, streamIdOf('source', id), [registered(id, `many-${id}`)], { expectedVersion: 0, metadata });
      eventIds.push(appended.events[0]!.eventId);
    }
    await visible(eventIds);
    const published: string[] = [];
    const recording: EventSink = { publish: async (events) => void published.push(...events.map((e) => e.eventId)) };
    const instances = [relay(recording, 5), relay(recording, 5), relay(recording, 5)];

    let total = 0;
    for (let round = 0; round < 20 && total < ids.length; round += 1) {
      const counts = await Promise.all(instances.map((instance) => instance.publishBatch()));
      total += counts.reduce((sum, n) => sum + n, 0);
    }
    expect(total).toBe(ids.length);
    expect(new Set(published).size).toBe(published.length);
  });

  it('passes on an event it cannot interpret instead of stopping every stream behind it', async () => {
    await db.prisma.$executeRaw`
      INSERT INTO event_streams (stream_id, category, version) VALUES ('source-legacy', 'source', 1)`;
    await db.prisma.$executeRaw`
      INSERT INTO events (event_id, stream_id, stream_position, type, schema_version, data, metadata)
      VALUES ('5a1e6d0c-1b7e-4c3a-9f4e-2d8b7c6a5e41', 'source-legacy', 1, 'SourceRenamedByHand', 1, '{"title": 1}', '{"correlationId": "x", "causationId": null}')`;
    await visible(['5a1e6d0c-1b7e-4c3a-9f4e-2d8b7c6a5e41']);
    const published: string[] = [];
    const recording: EventSink = { publish: async (events) => void published.push(...events.map((e) => e.type)) };

    expect(await relay(recording).publishBatch()).toBe(1);
    expect(published).toEqual(['SourceRenamedByHand']);
  });

  describe('events by size', () => {
    /** Stores an event as an older version of briefwatch could have, with no size limit at append. */
    async function storedAsIs(title: string): Promise<string> {
      const sourceId = randomUUID();
      const eventId = randomUUID();
      const data = JSON.stringify({ sourceId, feedUrl: `https://feeds.example.org/${sourceId}.xml`, title, publisher: null, kind: 'publisher', registeredAt: '2026-11-28T08:00:00.000Z' });
      await db.prisma.$transaction([
        db.prisma.$executeRaw`INSERT INTO event_streams (stream_id, category, version) VALUES (${streamIdOf('source', sourceId)}, 'source', 1)`,
        db.prisma.$executeRaw`
          INSERT INTO events (event_id, stream_id, stream_position, type, schema_version, data, metadata)
          VALUES (${eventId}::uuid, ${streamIdOf('source', sourceId)}, 1, 'SourceRegistered', 1, ${data}::jsonb, '{"correlationId": "relay-test", "causationId": null}')`,
      ]);
      return eventId;
    }

    it('publishes a batch far over the broker\'s request limit, in requests it accepts, every event once', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 6; i += 1) ids.push(await storedAsIs(`${i}:${'b'.repeat(600 * 1024)}`));
      await visible(ids);
      const running = relay(publisher, 50);
      running.start();
      await waitFor(() => ids.filter((id) => received.some((m) => m.eventId === id)).length, (n) => n === 6, { description: 'six events of 600 KB on Kafka' });
      await running.stop();
      expect(await db.prisma.relayParkedEvent.count({ where: { eventId: { in: ids } } })).toBe(0);
    });

    it('parks an event the broker refuses, with its reason, and publishes the events on both sides of it', async () => {
      const before = await storedAsIs('before the big one');
      const big = await storedAsIs('x'.repeat(1_500_000));
      const after = await storedAsIs('after the big one');
      await visible([before, big, after]);
      const running = relay(publisher, 50);
      running.start();
      await waitFor(() => received.some((m) => m.eventId === after), Boolean, { description: 'the event after the refused one' });
      await waitFor(() => db.prisma.relayParkedEvent.findMany({ where: { eventId: big } }), (rows) => rows.length === 1, { description: 'the refused event parked' });
      await running.stop();
      const [parked] = await db.prisma.relayParkedEvent.findMany({ where: { eventId: big } });
      expect(parked!.reason).toMatch(/^(MESSAGE_TOO_LARGE|RECORD_LIST_TOO_LARGE): /);
      expect(received.some((m) => m.eventId === before)).toBe(true);
      expect(received.some((m) => m.eventId === big)).toBe(false);
      expect(await relay().publishBatch()).toBe(0);
    });
  });
});
