import { randomUUID } from 'node:crypto';
import { streamIdOf, type EventEnvelope } from '@briefwatch/contracts';
import { createTestDatabase, type TestDatabase } from '@briefwatch/db/testing';
import { applyOnce, appendToStream, OutboxRelay, readCategoriesAfter } from '@briefwatch/event-store';
import { silentLogger } from '@briefwatch/logging';
import { subscriptionsProjection } from '@briefwatch/subscriptions';
import { waitFor } from '@briefwatch/testing';
import { projectorGroup } from './projection-lock.js';
import { rebuildProjection, type RebuildProgress } from './rebuild-projection.js';

const metadata = { correlationId: 'rebuild-int-spec', causationId: null };
const group = projectorGroup(subscriptionsProjection);

describe('rebuilding a read model into shadow tables', () => {
  let db: TestDatabase;
  let relay: OutboxRelay;
  const published = new Set<string>();

  beforeAll(async () => {
    db = await createTestDatabase();
    // The client loads its query compiler on its first transaction: here, not in the relay's loop between tests.
    await db.prisma.$transaction(async (tx) => tx.$queryRaw`SELECT 1`);
    relay = new OutboxRelay(db.prisma, { publish: async (events: readonly EventEnvelope[]) => void events.forEach((e) => published.add(e.eventId)) }, { name: 'rebuild-int-spec', batchSize: 100, pollIntervalMs: 20 }, silentLogger);
    relay.start();
  });
  afterAll(async () => {
    await relay?.stop();
    await db?.drop();
  });

  const subscribe = (name: string, tx: Parameters<typeof appendToStream>[0] = db.prisma) => {
    const subscriptionId = randomUUID();
    return appendToStream(
      tx,
      streamIdOf('subscription', subscriptionId),
      [
        {
          type: 'SubscriptionCreated',
          schemaVersion: 1,
          data: { subscriptionId, name, target: { kind: 'brief', briefId: 'b' }, minScore: 0.35, sourceIds: [], channel: { kind: 'webhook', url: 'https://hooks.example.org/x' }, createdAt: new Date().toISOString() },
        },
      ],
      { expectedVersion: 0, metadata },
    );
  };
  const liveRows = async () => Number((await db.prisma.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM subscriptions`)[0]!.n);
  const indexNames = async () => (await db.prisma.$queryRaw<Array<{ name: string }>>`SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'subscriptions' ORDER BY 1`).map((r) => r.name);

  it('never holds back the relay, shows readers the old rows until one swap, and misses no event committed late', async () => {
    // What the live projector had applied before the rebuild.
    for (let i = 0; i < 12; i += 1) await subscribe(`live ${i}`);
    for (const event of await readCategoriesAfter(db.prisma, ['subscription'], 0, 1_000)) {
      await applyOnce(db.prisma, group, event.eventId, (tx) => subscriptionsProjection.apply(tx, event));
    }
    const indexesBefore = await indexNames();

    // A writer whose transaction started before the rebuild and commits after the rebuild's
    // pages have passed its event's position: only the swap's catch-up can see it.
    let commitLate!: () => void;
    const lateWriter = db.prisma.$transaction(async (tx) => {
      await subscribe('committed late', tx);
      await new Promise<void>((resolve) => (commitLate = resolve));
    }, { timeout: 120_000 });
    await waitFor(() => commitLate, Boolean, { description: 'the late writer holding its transaction open' });
    for (let i = 0; i < 20; i += 1) await subscribe(`before rebuild ${i}`);

    const pauses: Array<{ liveRows: number; publishedDuringRebuild: boolean }> = [];
    let second: Promise<unknown> | null = null;
    const result = await rebuildProjection({ prisma: db.prisma, databaseUrl: db.url }, subscriptionsProjection, {
      pageSize: 5,
      onProgress: async (progress: RebuildProgress) => {
        // Three pages in: they read positions 1 to 16 but the late writer's 13th, still uncommitted.
        if (progress.done === 15) {
          commitLate();
          await lateWriter;
          // A second rebuild of the same read model is refused while this one runs.
          second = rebuildProjection({ prisma: db.prisma, databaseUrl: db.url }, subscriptionsProjection).catch((error: unknown) => error);
          // Between pages no transaction of the rebuild is open: an event appended now is published now.
          const appended = await subscribe('during rebuild');
          const eventId = appended.events[0]!.eventId;
          await waitFor(() => published.has(eventId), Boolean, { description: 'the relay publishing while the rebuild runs', timeoutMs: 15_000 });
          pauses.push({ liveRows: await liveRows(), publishedDuringRebuild: published.has(eventId) });
        }
      },
    });

    expect(await second).toMatchObject({ code: 'PROJECTION.ALREADY_REBUILDING' });
    expect(pauses).toEqual([{ liveRows: 12, publishedDuringRebuild: true }]);
    const stored = await readCategoriesAfter(db.prisma, ['subscription'], 0, 1_000);
    expect(stored).toHaveLength(12 + 1 + 20 + 1);
    expect(result).toMatchObject({ projection: 'subscriptions', events: stored.length, invalid: 0, rows: { subscriptions: stored.length } });
    const names = (await db.prisma.subscription.findMany()).map((row) => row.name);
    expect(names).toEqual(expect.arrayContaining(['committed late', 'during rebuild', 'live 0', 'before rebuild 19']));
    // The live projector's inbox holds every event the rebuilt table holds: it applies only what comes after.
    const inbox = await db.prisma.processedEvent.findMany({ where: { consumerGroup: group } });
    expect(new Set(inbox.map((row) => row.eventId))).toEqual(new Set(stored.map((event) => event.eventId)));
    // The swapped-in table is the one migrations know, under the same index names; nothing is left beside it.
    expect(await indexNames()).toEqual(indexesBefore);
    const leftovers = await db.prisma.$queryRaw<Array<{ name: string }>>`SELECT nspname AS name FROM pg_namespace WHERE nspname LIKE 'rebuild_%'`;
    expect(leftovers).toEqual([]);
  });
});
