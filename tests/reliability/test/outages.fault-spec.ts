import { Kafka, logLevel } from 'kafkajs';
import { DEAD_LETTER_HEADERS, deadLetterTopic, eventsTopic } from '@briefwatch/contracts';
import { waitFor } from '@briefwatch/testing';
import { KafkaBroker } from './kafka-broker.js';
import { startScenario, type Scenario } from './scenario.js';
import { expectExactTotals } from './totals.js';

const storedEvents = (scenario: Scenario) => scenario.system.db.prisma.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM events`.then(([row]) => Number(row!.n));

describe('outages of the broker and the database, and a poison message, in the middle of a stream', () => {
  let broker: KafkaBroker;
  let scenario: Scenario;
  let kafka: Kafka;

  beforeAll(async () => {
    broker = await KafkaBroker.start();
    scenario = await startScenario({ brokers: broker.brokers });
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
    for (let cut = 0; cut < 2; cut += 1) {
      await waitFor(cutServiceConnections, (terminated) => terminated > 0, { description: 'service connections to the database to cut', timeoutMs: 60_000 });
      // Ten more, or the rest of the stream when fewer are left: on a slow run the stream may be nearly through by now.
      await scenario.reachArticles(Math.min((await scenario.articles()) + 10, scenario.stream.expected.articles));
    }

    // Bytes that are no event arrive on the article topic, between real events.
    const producer = kafka.producer();
    await producer.connect();
    const articleTopic = eventsTopic('article', system.topicPrefix);
    await producer.send({ topic: articleTopic, messages: [{ key: 'poison', value: '{"this is": "not an event"' }] });
    await producer.disconnect();

    await expectExactTotals(system.db.prisma, scenario.stream);

    // The linker set the poison aside on its dead-letter topic, with the reason; the stream behind it flowed on.
    const deadLetters: Array<Record<string, string>> = [];
    const consumer = kafka.consumer({ groupId: `fault-test-${Date.now()}` });
    await consumer.connect();
    await consumer.subscribe({ topic: deadLetterTopic('article', 'linker', system.topicPrefix), fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        deadLetters.push(Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])));
      },
    });
    await waitFor(() => deadLetters.length, (n) => n >= 1, { description: 'the poison message on the dead-letter topic' });
    await consumer.disconnect();
    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0]![DEAD_LETTER_HEADERS.originalTopic]).toBe(articleTopic);
    expect(deadLetters[0]![DEAD_LETTER_HEADERS.reason]).toMatch(/JSON|json/);
  });
});
