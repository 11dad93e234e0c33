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

describe('rebuilding the read models from the event store', () => {
  let scenario: Scenario;

  beforeAll(async () => {
    scenario = await startScenario();
  });

  afterAll(async () => {
    await scenario?.stop();
  });

  it('rebuilds while the system runs, without a gap for readers, and ends row for row where the live projector does', async () => {
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
    const rebuild = await system.cli('projections', 'rebuild');
    reading = false;
    await reader;
    expect(rebuild.status).toBe(0);
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
