import type { PrismaClient } from '@briefwatch/db';
import { countNotApplied } from '@briefwatch/event-store';
import { PROJECTIONS, projectorGroup } from '@briefwatch/projector';
import { waitFor } from '@briefwatch/testing';
import { startScenario, type Scenario } from './scenario.js';
import { expectExactTotals } from './totals.js';

/** Every row of every read model, as JSON, in a stable order. */
async function readModels(prisma: PrismaClient): Promise<Record<string, string[]>> {
  const tables: Record<string, string[]> = {};
  for (const table of PROJECTIONS.flatMap((p) => p.tables)) {
    const rows = await prisma.$queryRawUnsafe<Array<{ row: string }>>(`SELECT to_jsonb(t)::text AS row FROM "${table}" t ORDER BY 1`);
    tables[table] = rows.map((r) => r.row);
  }
  return tables;
}

/** Events of the read models' categories that some projection has not applied yet. */
async function projectorBehind(prisma: PrismaClient): Promise<number> {
  let behind = 0;
  for (const projection of PROJECTIONS) behind += await countNotApplied(prisma, projectorGroup(projection), { categories: projection.categories });
  return behind;
}

/**
 * A shadow schema being filled now (`rebuild_<name>`; not the one the swap retires), and a
 * transaction id taken now: every transaction started later has a greater one.
 */
async function rebuildInProgress(prisma: PrismaClient): Promise<{ schema: string | null; nextTransaction: string }> {
  const [row] = await prisma.$queryRaw<Array<{ schema: string | null; next: string }>>`
    SELECT (SELECT nspname FROM pg_namespace WHERE nspname LIKE 'rebuild\_%' AND nspname NOT LIKE '%\_retired' LIMIT 1) AS schema,
           pg_current_xact_id()::text AS next`;
  return { schema: row?.schema ?? null, nextTransaction: row!.next };
}

/**
 * In one snapshot: whether the schema still exists, and whether the relay has published an
 * event of a transaction that started after `transactionId`.
 */
async function publishedFrom(prisma: PrismaClient, schema: string, transactionId: string): Promise<{ rebuilding: boolean; published: boolean }> {
  const [row] = await prisma.$queryRaw<Array<{ rebuilding: boolean; published: boolean }>>`
    SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = ${schema}) AS rebuilding,
           EXISTS (SELECT 1 FROM events e JOIN relay_checkpoints c ON (e.transaction_id, e.global_position) <= (c.transaction_id, c.global_position)
                   WHERE e.transaction_id > ${transactionId}::xid8) AS published`;
  return { rebuilding: row?.rebuilding ?? false, published: row?.published ?? false };
}

/**
 * Watches a rebuild from outside: once a shadow schema appears, waits for the relay to publish
 * an event of a transaction that started after that moment. Resolves whether it did so while
 * that same schema was still being filled, that is, while the rebuild ran: a transaction held
 * open by the rebuild would hold the relay back until it ended.
 */
async function relayPublishesDuringRebuild(prisma: PrismaClient, until: { done: boolean }): Promise<boolean> {
  while (!until.done) {
    const { schema, nextTransaction } = await rebuildInProgress(prisma);
    if (schema) {
      for (;;) {
        const { rebuilding, published } = await publishedFrom(prisma, schema, nextTransaction);
        if (published && rebuilding) return true;
        if (!rebuilding) break; // this read model was swapped in first; watch the next one
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

describe('rebuilding the read models from the event store', () => {
  let scenario: Scenario;

  beforeAll(async () => {
    scenario = await startScenario();
  });

  afterAll(async () => {
    await scenario?.stop();
  });

  it('rebuilds while the system runs, without a gap for readers or a pause in publishing, and ends row for row where the live projector does', async () => {
    const { system } = scenario;
    await scenario.reachArticles(40);

    // A reader keeps counting while the rebuild runs: it must never see a read model empty or shrink.
    const seen: number[] = [];
    let reading = true;
    const reader = (async () => {
      while (reading) {
        seen.push(await system.db.prisma.article.count());
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    // Paced so that each read model takes a while: long enough for the feeds' polls to store events the relay must publish meanwhile.
    const finished = { done: false };
    const watched = relayPublishesDuringRebuild(system.db.prisma, finished);
    const rebuild = await system.cli('projections', 'rebuild', '--page-size', '10', '--pause-ms', '100');
    finished.done = true;
    reading = false;
    await reader;
    expect(rebuild.status).toBe(0);
    // The rebuild holds no transaction open across pages, so the relay goes on publishing what the system stores.
    expect(await watched).toBe(true);
    expect(rebuild.stdout).toMatch(/^articles: rebuilt from \d+ events/m);
    expect(rebuild.stderr).toMatch(/articles\s+\[#+\]\s+100%\s+\d+\/\d+ events\s+\d+ events\/s/);
    expect(seen.length).toBeGreaterThan(0);
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(40);
    for (let i = 1; i < seen.length; i += 1) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]!);

    // The live projector carried on after the rebuild: the whole stream arrives, exactly once.
    await expectExactTotals(system.db.prisma, scenario.stream);

    // Polling goes on changing the sources' read model: stop it, and let the projector catch up with the store.
    for (const ingestor of system.running('ingestor')) await ingestor.stop();
    await waitFor(() => projectorBehind(system.db.prisma), (behind) => behind === 0, { description: 'the projector caught up with the store' });
    const live = await readModels(system.db.prisma);
    const again = await system.cli('projections', 'rebuild');
    expect(again.status).toBe(0);
    const rebuilt = await readModels(system.db.prisma);
    for (const table of Object.keys(live)) expect({ table, rows: rebuilt[table] }).toEqual({ table, rows: live[table] });
    expect(live.articles!.length).toBe(scenario.stream.expected.articles);
  });
});
