import { randomUUID } from 'node:crypto';
import type { KafkaMessage } from 'kafkajs';
import { deadLetterTopic, RETRY_HEADERS, retryTopic, streamIdOf, type EventEnvelope } from '@briefwatch/contracts';
import { createKafka, deadLetterMessage, encodeEnvelope, ensureTopics, headerText, InvalidMessageError } from '@briefwatch/kafka';
import { silentLogger } from '@briefwatch/logging';
import { testKafkaBrokers, uniqueTopicPrefix, waitFor } from '@briefwatch/testing';
import { NO_SERVICES, runCliCapturing } from './cli-harness.js';

function sourcePaused(sourceId: string): EventEnvelope {
  return {
    eventId: randomUUID(),
    streamId: streamIdOf('source', sourceId),
    streamPosition: 2,
    globalPosition: 41,
    type: 'SourcePaused',
    schemaVersion: 1,
    data: { sourceId, reason: 'publisher asked us to slow down', pausedAt: '2026-11-30T08:00:00.000Z' },
    metadata: { correlationId: 'corr-dead-letter', causationId: null },
    recordedAt: '2026-11-30T08:00:00.000Z',
  };
}

describe('npx briefwatch dead-letters … (a real broker)', () => {
  const prefix = uniqueTopicPrefix();
  const kafka = createKafka({ brokers: testKafkaBrokers(), clientId: 'dead-letters-cli-spec', topicPrefix: prefix }, silentLogger);
  const deadTopic = deadLetterTopic('source', 'linker', prefix);
  const event = sourcePaused(randomUUID());
  const cli = (...argv: string[]) => runCliCapturing(argv, { ...NO_SERVICES, KAFKA_BROKERS: testKafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix });

  beforeAll(async () => {
    await ensureTopics(kafka, [deadTopic, retryTopic('source', 'linker', prefix)]);
    const place = { topic: `${prefix}briefwatch.source.events.v1`, partition: 0, offset: '17' };
    // Idempotent: a send retried while the new topic elects its leaders still writes each message once.
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    await producer.send({
      topic: deadTopic,
      acks: -1,
      messages: [
        deadLetterMessage(encodeEnvelope(event), place, { code: 'LINK.ORPHAN_CLAIM', message: 'claim t9.c2 is of no imported brief' }, 'linker'),
        deadLetterMessage({ key: event.streamId, value: 'not json', headers: {} }, { ...place, offset: '18' }, new InvalidMessageError('MESSAGE.NOT_JSON', 'message value is not JSON'), 'linker'),
      ],
    });
    await producer.disconnect();
  });

  // The two went to partitions of the broker's choosing: each is named as the list names it.
  let eventRef: string;
  let notAnEventRef: string;

  it('lists every dead letter with its group, its event and why it was given up on', async () => {
    const listed = await cli('dead-letters', 'list');
    expect(listed.code).toBe(0);
    expect(listed.lines).toHaveLength(2);
    const row = (pattern: RegExp) => listed.lines.find((line) => pattern.test(line));
    expect(row(new RegExp(`^${deadTopic.replace(/\./g, '\\.')}:\\d+:\\d+ {2}\\S+ {2}linker {2}SourcePaused {2}LINK\\.ORPHAN_CLAIM: claim t9\\.c2 is of no imported brief$`))).toBeDefined();
    expect(row(/:\d+:\d+ {2}\S+ {2}linker {2}\(not an event\) {2}MESSAGE\.NOT_JSON: message value is not JSON$/)).toBeDefined();
    const letters = JSON.parse((await cli('dead-letters', 'list', '--group', 'linker', '--json')).out) as Array<{ ref: string; eventId: string | null }>;
    eventRef = letters.find((l) => l.eventId === event.eventId)!.ref;
    notAnEventRef = letters.find((l) => l.eventId === null)!.ref;
    expect((await cli('dead-letters', 'list', '--group', 'alerter')).out).toBe('no dead letters');
  });

  it('shows one whole, with where it came from', async () => {
    const shown = JSON.parse((await cli('dead-letters', 'show', eventRef)).out) as { eventId: string; original: { offset: string }; key: string };
    expect(shown.eventId).toBe(event.eventId);
    expect(shown.original.offset).toBe('17');
    expect(shown.key).toBe(event.streamId);
  });

  it('replays an event to its group through the retry topic, due at once, and refuses what was never an event', async () => {
    const replayed = await cli('dead-letters', 'replay', eventRef);
    expect(replayed.code).toBe(0);
    expect(replayed.out).toContain(`to ${retryTopic('source', 'linker', prefix)}`);

    const reader = kafka.consumer({ groupId: `reader-${randomUUID()}` });
    const seen: KafkaMessage[] = [];
    await reader.connect();
    await reader.subscribe({ topic: retryTopic('source', 'linker', prefix), fromBeginning: true });
    await reader.run({ eachMessage: async ({ message }) => void seen.push(message) });
    await waitFor(() => seen.length, (n) => n >= 1, { description: 'the replayed event on the retry topic' });
    await reader.disconnect();
    expect((JSON.parse(seen[0]!.value!.toString()) as EventEnvelope).eventId).toBe(event.eventId);
    expect(seen[0]!.key?.toString()).toBe(event.streamId);
    expect(headerText(seen[0]!.headers, RETRY_HEADERS.round)).toBe('0');
    expect(Number(headerText(seen[0]!.headers, RETRY_HEADERS.notBefore))).toBeLessThanOrEqual(Date.now());

    const refused = await cli('dead-letters', 'replay', notAnEventRef);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toMatch(/never a valid event \(MESSAGE\.NOT_JSON/);
  });

  it('says what is wrong with a name that is no dead letter', async () => {
    expect((await cli('dead-letters', 'show', 'linker')).err).toMatch(/name a dead letter as topic:partition:offset/);
    expect((await cli('dead-letters', 'show', `${deadTopic}:0:99`)).err).toMatch(/no dead letter at .*:0:99$/);
  });
});
