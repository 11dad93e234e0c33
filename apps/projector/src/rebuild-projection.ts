import { readEvent, type EventEnvelope } from '@briefwatch/contracts';
import type { Prisma, PrismaClient } from '@briefwatch/db';
import { countCategories, readCategoriesAfter } from '@briefwatch/event-store';
import type { Projection } from './projections.js';

/** The consumer group (and inbox name) of a read model's live projector. */
export const projectorGroup = (projection: Projection): string => `projector.${projection.name}`;

/**
 * The live projector holds this lock, shared, around each event it applies; a rebuild holds
 * it alone for its whole transaction. So the live projector waits while a rebuild runs and
 * then applies, on top of the rebuilt rows, only what the rebuild had not seen.
 */
export async function holdProjectionLock(tx: Prisma.TransactionClient, projection: Projection, mode: 'shared' | 'exclusive'): Promise<void> {
  const lock = mode === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock';
  await tx.$executeRawUnsafe(`SELECT ${lock}(hashtext($1))`, projectorGroup(projection));
}

export interface RebuildProgress {
  projection: string;
  done: number;
  total: number;
  eventsPerSecond: number;
}

export interface RebuildResult {
  projection: string;
  /** Events of the projection's categories read from the store. */
  events: number;
  /** Events the live projector would dead-letter (not valid against their contract): skipped. */
  invalid: number;
  rows: Record<string, number>;
  ms: number;
}

export interface RebuildOptions {
  pageSize?: number;
  onProgress?: (progress: RebuildProgress) => void;
  /** Longest the rebuild's transaction may run (default 30 minutes). */
  timeoutMs?: number;
}

/**
 * Rebuilds a read model from the event store, in one transaction: its rows and its inbox are
 * emptied, every event of its categories is applied again in store order, and each is
 * recorded in the inbox. Readers see the old rows until the commit and the rebuilt ones
 * after it, never a gap; the live projector waits on the projection lock meanwhile, then
 * carries on with what came after.
 */
export async function rebuildProjection(prisma: PrismaClient, projection: Projection, options: RebuildOptions = {}): Promise<RebuildResult> {
  const pageSize = options.pageSize ?? 500;
  const started = performance.now();
  const group = projectorGroup(projection);
  return prisma.$transaction(
    async (tx) => {
      await holdProjectionLock(tx, projection, 'exclusive');
      for (const table of projection.tables) await tx.$executeRawUnsafe(`DELETE FROM ${quoteTable(table)}`);
      await tx.$executeRaw`DELETE FROM processed_events WHERE consumer_group = ${group}`;
      const total = await countCategories(tx, projection.categories);
      let after = 0;
      let done = 0;
      let invalid = 0;
      for (;;) {
        const page = await readCategoriesAfter(tx, projection.categories, after, pageSize);
        if (page.length === 0) break;
        for (const stored of page) {
          const envelope = validEnvelope(stored);
          if (envelope) await projection.apply(tx, envelope);
          else invalid += 1;
        }
        await tx.$executeRaw`
          INSERT INTO processed_events (consumer_group, event_id)
          SELECT ${group}, id::uuid FROM unnest(${page.map((event) => event.eventId)}::text[]) AS id`;
        after = page[page.length - 1]!.globalPosition!;
        done += page.length;
        const seconds = (performance.now() - started) / 1000;
        options.onProgress?.({ projection: projection.name, done, total: Math.max(total, done), eventsPerSecond: seconds > 0 ? done / seconds : 0 });
      }
      const rowCounts: Record<string, number> = {};
      for (const table of projection.tables) {
        const [row] = await tx.$queryRawUnsafe<Array<{ n: bigint }>>(`SELECT count(*) AS n FROM ${quoteTable(table)}`);
        rowCounts[table] = Number(row?.n ?? 0);
      }
      return { projection: projection.name, events: done, invalid, rows: rowCounts, ms: Math.round(performance.now() - started) };
    },
    { maxWait: 60_000, timeout: options.timeoutMs ?? 30 * 60_000 },
  );
}

/** The event as the live projector would take it, or null where it would be dead-lettered. */
function validEnvelope(stored: EventEnvelope): EventEnvelope | null {
  try {
    return readEvent(stored);
  } catch {
    return null;
  }
}

function quoteTable(table: string): string {
  if (!/^[a-z_]+$/.test(table)) throw new Error(`not a read-model table name: ${table}`);
  return `"${table}"`;
}
