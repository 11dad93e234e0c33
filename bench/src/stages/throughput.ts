import { createTestDatabase } from '@briefwatch/db/testing';
import { MEMORY_CEILING_MB } from '@briefwatch/config';
import { SystemUnderTest } from '@briefwatch/service-processes';
import { waitFor } from '@briefwatch/testing';
import { measureBrokerLimit } from '../broker-limit.js';
import { measurePostgresLimit } from '../postgres-limit.js';
import { articleEnvelopes, seedArticles } from '../seed-articles.js';
import { round, type Stage } from '../stage.js';

const GOAL_ITEMS_PER_SECOND = 5_000;
const GOAL_SHARE_OF_BROKER = 0.3;
const GOAL_MEMORY_MB = 512;
const RELAY_BATCH = 500;
/** The share of the run's rows Postgres's own limit is measured on (in the order stored): the rate, not the whole copy, is the point. */
const POSTGRES_SHARE = 0.25;

interface Progress {
  atS: number;
  articles: number;
  linked: number;
  linksProjected: number;
  /** Link events in the store so far. */
  linkEvents: number;
}

/**
 * End-to-end throughput: `items` discovered articles are in the store when the clock starts;
 * the relay then carries them into Kafka, the linker links them and writes its link events,
 * the relay carries those, and the projector fills the articles and coverage read models.
 * The clock stops when every article and every link is visible in Postgres. Beside it, in
 * the same run: the broker's own limit for the same payloads and Postgres's for the same rows.
 */
export const throughputBench: Stage = async ({ brokers, items, log }) => {
  log(`throughput: the broker's own limit for ${items.toLocaleString('en')} article events ...`);
  const broker = await measureBrokerLimit(brokers, articleEnvelopes(items), RELAY_BATCH);
  log(`throughput: broker ${broker.itemsPerSecond} items/s (produce ${broker.produceItemsPerSecond}/s)`);

  // BENCH_PROFILE_DIR=<dir> leaves a CPU profile of every service there: how the slowest stage is found.
  const profile: Record<string, string> = process.env.BENCH_PROFILE_DIR ? { BRIEFWATCH_PROFILE_DIR: process.env.BENCH_PROFILE_DIR } : {};
  const system = await SystemUnderTest.start({ brokers, env: { RELAY_BATCH_SIZE: String(RELAY_BATCH), ...profile } });
  try {
    const prisma = system.db.prisma;
    // The brief is taken in first (as it would be, long before this much coverage), then the relay stops while the articles are written.
    const linker = system.running('linker')[0]!;
    await waitFor(() => linker.lines().some((line) => line.msg === 're-linked stored articles for a new brief version'), Boolean, { description: 'the brief taken in by the linker', timeoutMs: 60_000 });
    await system.running('relay')[0]!.stop();
    await seedArticles(prisma, items, (written) => written % 20_000 === 0 && log(`throughput: ${written} articles in the store`));
    const count = async (sql: string) => Number((await prisma.$queryRawUnsafe<Array<{ n: bigint }>>(sql))[0]!.n);
    const progress: Progress[] = [];
    const started = performance.now();
    system.launch('relay');
    const linkEventsSoFar = () => count(`SELECT coalesce(sum(version), 0) AS n FROM event_streams WHERE category = 'link'`);
    const sample = async (): Promise<Progress> => {
      const point = {
        atS: round((performance.now() - started) / 1000, 1),
        articles: await count('SELECT count(*) AS n FROM articles'),
        linked: await count(`SELECT count(*) AS n FROM processed_events WHERE consumer_group = 'linker'`),
        linksProjected: await count(`SELECT count(*) AS n FROM processed_events WHERE consumer_group = 'projector.links'`),
        linkEvents: await linkEventsSoFar(),
      };
      progress.push(point);
      return point;
    };
    let last = performance.now();
    await waitFor(
      async () => {
        const point = await sample();
        if (performance.now() - last > 10_000) {
          last = performance.now();
          log(`throughput: ${point.atS} s: ${point.articles} articles projected, ${point.linked} linked, ${point.linksProjected} links projected`);
        }
        return point.articles >= items && point.linked >= items && point.linksProjected >= point.linkEvents;
      },
      Boolean,
      { description: 'every article and link visible in the read models', timeoutMs: 3_600_000, intervalMs: 500 },
    );
    const seconds = (performance.now() - started) / 1000;
    const linkEvents = await linkEventsSoFar();
    const coverageRows = await count('SELECT count(*) AS n FROM coverage_links');
    // Each service's highest peak (the relay ran twice: once to take the brief in, once for the run).
    const memory = [...new Set(system.processes.map((p) => p.service))].map((service) => ({
      service,
      peakMb: Math.max(...system.processes.filter((p) => p.service === service).map((p) => p.peakRssMb)),
      ceilingMb: MEMORY_CEILING_MB[service],
    }));
    const itemsPerSecond = Math.round(items / seconds);
    // Items done: projected, linked, and (in proportion) their links projected. Sustained: from a tenth to nine tenths done, past start-up and the tail.
    const done = (p: Progress) => Math.min(p.articles, p.linked, linkEvents === 0 ? items : (p.linksProjected / linkEvents) * items);
    const at = (share: number) => progress.find((p) => done(p) >= share * items)!;
    const sustained = Math.round((0.8 * items) / (at(0.9).atS - at(0.1).atS || Number.NaN));
    log(`throughput: ${items} items in ${round(seconds, 1)} s (${itemsPerSecond}/s; sustained ${sustained}/s), ${linkEvents} link events`);

    log('throughput: Postgres\'s own limit for the same rows ...');
    const target = await createTestDatabase();
    const postgres = await measurePostgresLimit(system.db.url, target.url, items, POSTGRES_SHARE).finally(() => target.drop());
    log(`throughput: Postgres ${postgres.itemsPerSecond} items/s (${postgres.rows} rows in ${postgres.seconds} s)`);

    const ofBroker = itemsPerSecond / broker.itemsPerSecond;
    const peak = Math.max(...memory.map((m) => m.peakMb));
    return {
      stage: 'throughput',
      title: 'End-to-end throughput, beside the broker and the database',
      method: `${items.toLocaleString('en')} discovered articles (about 2 KB of HTML each, each following up one topic of the brief or none) are in the store when the clock starts. The clock stops when every article is in the articles read model and every link the linker made is in coverage_links. All six services run as separate processes, as \`npm start\` runs them, one instance each, with the bundled brief imported. The broker's limit is kafkajs alone carrying the same ${broker.megabytes} MB of encoded events through a topic with our partitioning (produce in batches of ${RELAY_BATCH}, acks=all, and consume, at once). Postgres's limit is a quarter of every table the run wrote, in the order stored (${postgres.rows.toLocaleString("en")} rows), inserted again into an empty database, 5,000 rows a statement, by one client, as items per second.`,
      figures: { items, seconds: round(seconds, 1), itemsPerSecond, sustainedItemsPerSecond: sustained, linkEvents, coverageRows, broker, postgres, memory, progress },
      table: {
        columns: ['path', 'items/s', 'notes'],
        rows: [
          ['briefwatch, end to end (store → Kafka → linker → store → Kafka → projector → read models)', itemsPerSecond, `${round(seconds, 1)} s for ${items.toLocaleString('en')} items; sustained ${sustained.toLocaleString('en')}/s; ${linkEvents.toLocaleString('en')} link events, ${coverageRows.toLocaleString('en')} coverage rows`],
          ['Kafka alone: produce and consume the same payloads', broker.itemsPerSecond, `produce alone ${broker.produceItemsPerSecond.toLocaleString('en')}/s; ${broker.megabytes} MB`],
          ['Postgres alone: batched inserts of the same rows', postgres.itemsPerSecond, `${postgres.rows.toLocaleString('en')} rows in ${postgres.seconds} s: ${Object.entries(postgres.byTable).map(([t, n]) => `${t} ${n.toLocaleString('en')}`).join(', ')}`],
          ...memory.map((m) => [`peak RSS of ${m.service}`, '', `${m.peakMb} MB (ceiling ${m.ceilingMb} MB)`] as Array<string | number>),
        ],
      },
      goals: [
        { goal: `end-to-end throughput at least ${GOAL_ITEMS_PER_SECOND.toLocaleString('en')} items/s`, measured: `${itemsPerSecond.toLocaleString('en')} items/s over ${items.toLocaleString('en')} items`, met: itemsPerSecond >= GOAL_ITEMS_PER_SECOND },
        { goal: `end-to-end throughput at least ${GOAL_SHARE_OF_BROKER * 100}% of the broker's own limit in the same run`, measured: `${round(ofBroker * 100, 1)}% of ${broker.itemsPerSecond.toLocaleString('en')} items/s`, met: ofBroker >= GOAL_SHARE_OF_BROKER },
        { goal: `no service above ${GOAL_MEMORY_MB} MB during the throughput run`, measured: `highest peak ${peak} MB (${memory.find((m) => m.peakMb === peak)?.service})`, met: peak <= GOAL_MEMORY_MB },
      ],
      notes: [],
    };
  } finally {
    await system.stop();
  }
};
