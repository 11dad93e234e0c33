import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { DEAD_LETTER_HEADERS, deadLetterTopic, eventsTopic, MESSAGE_HEADERS, streamIdOf, type ArticleDiscovered } from '@briefwatch/contracts';
import { readCategoriesAfter } from '@briefwatch/event-store';
import { encodeEnvelope } from '@briefwatch/kafka';
import { waitFor } from '@briefwatch/testing';
import { KafkaBroker } from './kafka-broker.js';
import { startScenario, type Scenario } from './scenario.js';
import { expectExactTotals } from './totals.js';

const storedEvents = (scenario: Scenario) => scenario.system.db.prisma.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM events`.then(([row]) => Number(row!.n));

/** Every message on a topic from its start, as headers, until `until` holds. */
async function readTopic(kafka: Kafka, topic: string, until: (headers: Array<Record<string, string>>) => boolean): Promise<Array<Record<string, string>>> {
  const messages: Array<Record<string, string>> = [];
  const consumer = kafka.consumer({ groupId: `fault-test-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      messages.push(Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])));
    },
  });
  try {
    await waitFor(() => messages, until, { description: `the expected messages on ${topic}`, timeoutMs: 60_000 });
  } finally {
    await consumer.disconnect();
  }
  return messages;
}

describe('outages of the broker and the database, and poison messages, in the middle of a stream', () => {
  let broker: KafkaBroker;
  let scenario: Scenario;
  let kafka: Kafka;

  beforeAll(async () => {
    broker = await KafkaBroker.start();
    // Retries kept short, so an event no handler can apply reaches its dead-letter topic while the stream still flows.
    scenario = await startScenario({ brokers: broker.brokers, env: { KAFKA_RETRY_DELAY_MS: '500', KAFKA_RETRY_ROUNDS: '1' } });
    kafka = new Kafka({ brokers: [broker.brokers], clientId: 'fault-test', logLevel: logLevel.NOTHING });
  });

  afterAll(async () => {
    await scenario?.stop();
    await broker?.destroy();
  });

  it('takes a broker outage, cut database connections and a poison message without losing or doubling anything', async () => {
    const { system } = scenario;

    // The broker goes away: the ingestor keeps writing to the event store; nothing is relayed.
    await scenario.reachArticles(20);
    await broker.halt();
    const before = await storedEvents(scenario);
    await waitFor(() => storedEvents(scenario), (n) => n >= before + 20, { description: 'events stored while the broker is down', timeoutMs: 60_000 });
    await broker.resume();

    // Every service's connection to the database is cut, twice, while the stream flows. A
    // service reconnects only when it next needs the database: each cut waits until there are
    // service connections to cut, and the stream must flow on past it before the next.
    const cutServiceConnections = () =>
      system.db.prisma.$queryRaw<Array<{ n: bigint }>>`
        SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) AS n FROM pg_stat_activity
        WHERE datname = current_database() AND application_name LIKE 'briefwatch-%' AND application_name <> 'briefwatch-test'`.then(([row]) => Number(row!.n));
    await scenario.reachArticles(60);

    // A valid event that no handler can apply: a title with a NUL character, which Postgres
    // refuses. The articles projector tries it in place, then on its retry topic, then gives
    // it up to its dead-letter topic with the error; the rest of the stream goes on behind it.
    const [stored] = await readCategoriesAfter(system.db.prisma, ['article'], 0, 1);
    const articleId = randomUUID();
    const poison = {
      ...stored!,
      eventId: randomUUID(),
      streamId: streamIdOf('article', articleId),
      streamPosition: 1,
      data: { ...(stored!.data as ArticleDiscovered), articleId, guid: 'nul-title', link: 'https://news.example.org/nul-title', canonicalUrl: null, title: 'Parking permits\u0000 renewed', summary: 'The clerk reminds residents.', content: null },
    };
    const producer = kafka.producer();
    await producer.connect();
    const articleTopic = eventsTopic('article', system.topicPrefix);
    await producer.send({ topic: articleTopic, messages: [encodeEnvelope(poison)] });

    for (let cut = 0; cut < 2; cut += 1) {
      await waitFor(cutServiceConnections, (terminated) => terminated > 0, { description: 'service connections to the database to cut', timeoutMs: 60_000 });
      // Ten more, or the rest of the stream when fewer are left: on a slow run the stream may be nearly through by now.
      await scenario.reachArticles(Math.min((await scenario.articles()) + 10, scenario.stream.expected.articles));
    }

    // Bytes that are no event arrive on the article topic, between real events.
    await producer.send({ topic: articleTopic, messages: [{ key: 'poison', value: '{"this is": "not an event"' }] });
    await producer.disconnect();

    await expectExactTotals(system.db.prisma, scenario.stream);

    // The linker set the bytes aside on its dead-letter topic, with the reason; the stream behind them flowed on.
    const linkerLetters = await readTopic(kafka, deadLetterTopic('article', 'linker', system.topicPrefix), (letters) => letters.length >= 1);
    expect(linkerLetters).toHaveLength(1);
    expect(linkerLetters[0]![DEAD_LETTER_HEADERS.originalTopic]).toBe(articleTopic);
    expect(linkerLetters[0]![DEAD_LETTER_HEADERS.reason]).toMatch(/JSON|json/);

    // The event no handler could apply ended on the articles projector's dead-letter topic,
    // with the database's refusal as the reason; it is in no read model.
    const projectorLetters = await readTopic(kafka, deadLetterTopic('article', 'projector.articles', system.topicPrefix), (letters) => letters.some((l) => l[MESSAGE_HEADERS.eventId] === poison.eventId));
    const letter = projectorLetters.find((l) => l[MESSAGE_HEADERS.eventId] === poison.eventId)!;
    expect(letter[DEAD_LETTER_HEADERS.originalTopic]).toBe(articleTopic);
    expect(letter[DEAD_LETTER_HEADERS.consumerGroup]).toBe('projector.articles');
    expect(letter[DEAD_LETTER_HEADERS.reason]).toMatch(/0x00|\\u0000|null|byte sequence/i);
    expect(await system.db.prisma.article.count({ where: { id: articleId } })).toBe(0);
  });
});
