import { randomUUID } from 'node:crypto';
import type { Kafka, KafkaMessage } from 'kafkajs';
import { DEAD_LETTER_HEADERS, deadLetterTopic, eventsTopic, RETRY_HEADERS, retryTopic, streamIdOf, type EventEnvelope } from '@briefwatch/contracts';
import { silentLogger } from '@briefwatch/logging';
import { testKafkaBrokers, uniqueTopicPrefix, waitFor } from '@briefwatch/testing';
import { createKafka } from './kafka-client.js';
import { EventConsumer, type ConsumedEvent, type EventConsumerOptions, type HandlerOutcome } from './event-consumer.js';
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

  async function startConsumer(groupId: string, handle: (event: ConsumedEvent) => Promise<void>, options: Partial<EventConsumerOptions> = {}) {
    const consumer = new EventConsumer(kafka, { groupId, categories: ['source'], topicPrefix: prefix, retryBaseMs: 10, ...options }, handle, silentLogger);
    consumers.push(consumer);
    await consumer.start();
    return consumer;
  }

  /** Every message on a topic so far, read by a reader of its own, once `enough` holds. */
  async function readTopic(topic: string, enough: (messages: KafkaMessage[]) => boolean): Promise<KafkaMessage[]> {
    const reader = kafka.consumer({ groupId: `reader-${randomUUID()}` });
    const messages: KafkaMessage[] = [];
    await reader.connect();
    try {
      await reader.subscribe({ topic, fromBeginning: true });
      await reader.run({ eachMessage: async ({ message }) => void messages.push(message) });
      await waitFor(() => messages, enough, { description: `messages on ${topic}` });
      return messages;
    } finally {
      await reader.disconnect();
    }
  }
  const header = (message: KafkaMessage, name: string) => headerText(message.headers, name);
  const eventIdOf = (message: KafkaMessage) => {
    try {
      return (JSON.parse(message.value!.toString()) as Partial<EventEnvelope>).eventId;
    } catch {
      return undefined;
    }
  };
  // The topic holds earlier tests' messages too, invalid ones among them: each test looks at what its handler set aside.
  const setAsideBy = (messages: KafkaMessage[], code = 'HANDLER.FAILED') => messages.filter((m) => header(m, DEAD_LETTER_HEADERS.errorCode) === code);

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

  describe('a handler that keeps failing holds nothing up', () => {
    const setAside = { maxAttempts: 2, retryDelayMs: 300, retryRounds: 1 };

    it('sets the event aside, tries it again from the retry topic, then dead-letters it with the error, while the events behind it are applied', async () => {
      const sourceId = randomUUID();
      const [failing, behind] = [sourceRegistered(500, sourceId), { ...sourceRegistered(501, sourceId), streamPosition: 2 }];
      const attempts: string[] = [];
      const applied: string[] = [];
      await startConsumer(
        'always-failing',
        async (event) => {
          if (event.envelope.eventId !== failing.eventId) return void applied.push(event.envelope.eventId);
          attempts.push(event.topic);
          throw Object.assign(new Error('claim 7 has no topic'), { code: 'LINK.ORPHAN_CLAIM' });
        },
        setAside,
      );
      await publisher.publish([failing, behind]);

      await waitFor(() => applied.includes(behind.eventId), Boolean, { description: 'the event behind the failing one' });
      const [dead] = setAsideBy(await readTopic(deadLetterTopic('source', 'always-failing', prefix), (m) => setAsideBy(m, 'LINK.ORPHAN_CLAIM').length >= 1), 'LINK.ORPHAN_CLAIM');
      expect(eventIdOf(dead!)).toBe(failing.eventId);
      expect(header(dead!, DEAD_LETTER_HEADERS.errorCode)).toBe('LINK.ORPHAN_CLAIM');
      expect(header(dead!, DEAD_LETTER_HEADERS.reason)).toBe('claim 7 has no topic');
      expect(header(dead!, DEAD_LETTER_HEADERS.originalTopic)).toBe(eventsTopic('source', prefix));
      expect(header(dead!, DEAD_LETTER_HEADERS.consumerGroup)).toBe('always-failing');
      expect(header(dead!, RETRY_HEADERS.round)).toBe('2');
      // Two tries in place, two more in the one round on the retry topic, and no more.
      expect(attempts).toEqual([eventsTopic('source', prefix), eventsTopic('source', prefix), retryTopic('source', 'always-failing', prefix), retryTopic('source', 'always-failing', prefix)]);
      expect(applied.filter((id) => id === failing.eventId)).toEqual([]);
    });

    it('applies an event from the retry topic once its handler succeeds there, not before its delay', async () => {
      const event = sourceRegistered(510);
      const tries: number[] = [];
      await startConsumer(
        'fails-then-heals',
        async (consumed) => {
          if (consumed.envelope.eventId !== event.eventId) return;
          tries.push(Date.now());
          if (tries.length <= 2) throw new Error('upstream briefly refusing');
        },
        { ...setAside, retryDelayMs: 1_000 },
      );
      await publisher.publish([event]);
      await waitFor(() => tries.length, (n) => n >= 3, { description: 'the try from the retry topic' });
      expect(tries[2]! - tries[1]!).toBeGreaterThanOrEqual(900);
      const [retried] = await readTopic(retryTopic('source', 'fails-then-heals', prefix), (m) => m.length >= 1);
      expect(eventIdOf(retried!)).toBe(event.eventId);
      expect(header(retried!, DEAD_LETTER_HEADERS.reason)).toBe('upstream briefly refusing');
    });

    it('sets nothing aside while its dependencies do not answer: the event is tried in place until they do', async () => {
      const event = sourceRegistered(520);
      let databaseUp = false;
      let tries = 0;
      const applied: string[] = [];
      await startConsumer(
        'outage',
        async (consumed) => {
          if (consumed.envelope.eventId !== event.eventId) return;
          tries += 1;
          if (!databaseUp) throw new Error('connection refused');
          applied.push(consumed.envelope.eventId);
        },
        { ...setAside, dependenciesAnswer: async () => databaseUp },
      );
      await publisher.publish([event]);
      await waitFor(() => tries, (n) => n >= 6, { description: 'tries past the limit while the database is down' });
      databaseUp = true;
      await waitFor(() => applied, (ids) => ids.includes(event.eventId), { description: 'the event applied once the database answers' });
      // The retry topic is still empty: a marker sent to it directly is the first message read there.
      const producer = kafka.producer();
      await producer.connect();
      await producer.send({ topic: retryTopic('source', 'outage', prefix), messages: [{ value: 'marker' }] });
      await producer.disconnect();
      const onRetry = await readTopic(retryTopic('source', 'outage', prefix), (m) => m.some((x) => x.value?.toString() === 'marker'));
      expect(onRetry.map((m) => m.value?.toString())).toEqual(['marker']);
    });
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

    it('splits a batch that keeps failing: the events beside the bad one are applied, in order, and the bad one is set aside', async () => {
      const sent = oneStream(600, 6);
      const bad = sent[2]!;
      const applied: string[] = [];
      const consumer = new EventConsumer(
        kafka,
        { groupId: 'batch-split', categories: ['source'], topicPrefix: prefix, retryBaseMs: 10, maxBatchEvents: 8, maxAttempts: 2, retryDelayMs: 200, retryRounds: 0 },
        {
          batch: async (events) => {
            if (events.some((e) => e.envelope.eventId === bad.eventId)) throw new Error('cannot apply');
            applied.push(...events.map((e) => e.envelope.eventId));
            return events.map(() => 'applied');
          },
        },
        silentLogger,
      );
      consumers.push(consumer);
      await consumer.start();
      await publisher.publish(sent);
      await waitFor(() => only(applied, sent).length, (n) => n >= 5, { description: 'the five good events' });
      expect(only(applied, sent)).toEqual(sent.filter((e) => e !== bad).map((e) => e.eventId));
      const dead = setAsideBy(await readTopic(deadLetterTopic('source', 'batch-split', prefix), (m) => setAsideBy(m).length >= 1));
      expect(dead.map(eventIdOf)).toEqual([bad.eventId]);
      expect(header(dead[0]!, DEAD_LETTER_HEADERS.reason)).toBe('cannot apply');
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
