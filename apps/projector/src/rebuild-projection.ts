import { readEvent, type EventEnvelope } from '@briefwatch/contracts';
import { createPrismaClient, type Prisma, type PrismaClient } from '@briefwatch/db';
import { countCategories, oldestRunningTransaction, readCategoriesAfter, readCategoriesSince } from '@briefwatch/event-store';
import { ProblemError } from '@briefwatch/service-kit';
import { setTimeout as sleep } from 'node:timers/promises';
import { projectorGroup } from './projection-lock.js';
import type { Projection } from './projections.js';
import { createShadowTables, dropSchema, shadowSchemaOf, swapInShadowTables } from './shadow-tables.js';

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
  /** How long the swap's transaction (the only one the live projector waits for) took. */
  swapMs: number;
}

export interface RebuildOptions {
  /** Events applied per shadow transaction (500). */
  pageSize?: number;
  /** A pause between pages, in ms, leaving a busy database room for live work (0). */
  pauseMs?: number;
  /** Called after each page, between transactions; the rebuild waits for what it returns. */
  onProgress?: (progress: RebuildProgress) => void | Promise<void>;
}

export interface RebuildTarget {
  prisma: PrismaClient;
  /** Where the shadow tables' own client connects: the same database. */
  databaseUrl: string;
}

/**
 * Rebuilds a read model from the event store without holding anything back: the events of
 * its categories are applied, a page per short transaction, into shadow tables (a schema of
 * their own, beside the live ones); then, in one short transaction that holds the live
 * projector off, what the store gained meanwhile is applied too and the shadow tables take
 * the live ones' place. Readers see the old rows until that commit and the rebuilt ones after
 * it, never a gap; the relay, which reads below the oldest running transaction, is never
 * held back by a long one. One rebuild of a read model runs at a time.
 */
export async function rebuildProjection({ prisma, databaseUrl }: RebuildTarget, projection: Projection, options: RebuildOptions = {}): Promise<RebuildResult> {
  const pageSize = options.pageSize ?? 500;
  const started = performance.now();
  const schema = shadowSchemaOf(projection);
  // One connection, kept open: it holds the rebuild's session lock and writes every shadow page.
  const shadow = createPrismaClient(databaseUrl, { maxConnections: 1, keepIdleConnections: true, applicationName: 'briefwatch-rebuild', schema });
  try {
    await holdRebuildLock(shadow, projection);
  } catch (error) {
    await shadow.$disconnect();
    throw error;
  }
  try {
    await createShadowTables(prisma, projection, schema);
    const from = await oldestRunningTransaction(prisma);
    const total = await countCategories(prisma, projection.categories);
    let after = 0;
    let done = 0;
    let invalid = 0;
    for (;;) {
      const page = await readCategoriesAfter(prisma, projection.categories, after, pageSize);
      if (page.length === 0) break;
      invalid += await applyToShadow(shadow, projection, schema, page);
      after = page[page.length - 1]!.globalPosition!;
      done += page.length;
      const seconds = (performance.now() - started) / 1000;
      await options.onProgress?.({ projection: projection.name, done, total: Math.max(total, done), eventsPerSecond: seconds > 0 ? done / seconds : 0 });
      if (options.pauseMs) await sleep(options.pauseMs);
    }

    const swapStarted = performance.now();
    const caughtUp = await swapInShadowTables(prisma, projection, schema, projectorGroup(projection), async (tx) => {
      // The live projector is held off: apply what the pages did not see, then nothing is missing.
      const since = await readCategoriesSince(tx, projection.categories, after, from);
      const applied = new Set(await rebuiltEventIds(tx, schema, since.map((event) => event.eventId)));
      const missing = since.filter((event) => !applied.has(event.eventId));
      invalid += await applyToShadow(shadow, projection, schema, missing);
      return missing.length;
    });
    const swapMs = Math.round(performance.now() - swapStarted);

    const rows: Record<string, number> = {};
    for (const table of projection.tables) {
      const [row] = await prisma.$queryRawUnsafe<Array<{ n: bigint }>>(`SELECT count(*) AS n FROM "${table}"`);
      rows[table] = Number(row?.n ?? 0);
    }
    return { projection: projection.name, events: done + caughtUp, invalid, rows, ms: Math.round(performance.now() - started), swapMs };
  } finally {
    await dropSchema(prisma, schema).catch(() => undefined);
    await shadow.$disconnect();
  }
}

/** Refuses to start while another rebuild of the read model runs; the lock ends with the connection. */
async function holdRebuildLock(shadow: PrismaClient, projection: Projection): Promise<void> {
  const [row] = await shadow.$queryRaw<Array<{ locked: boolean }>>`SELECT pg_try_advisory_lock(hashtext(${`rebuild.${projection.name}`})) AS locked`;
  if (!row?.locked) throw new ProblemError('PROJECTION.ALREADY_REBUILDING', `a rebuild of "${projection.name}" is already running; wait for it to finish`);
}

/** Applies events to the shadow tables in one transaction, recording each; returns how many were invalid. */
async function applyToShadow(shadow: PrismaClient, projection: Projection, schema: string, events: readonly EventEnvelope[]): Promise<number> {
  if (events.length === 0) return 0;
  let invalid = 0;
  await shadow.$transaction(
    async (tx) => {
      for (const stored of events) {
        const envelope = validEnvelope(stored);
        if (envelope) await projection.apply(tx, envelope);
        else invalid += 1;
      }
      await tx.$executeRawUnsafe(`INSERT INTO "${schema}".rebuilt_events (event_id) SELECT id::uuid FROM unnest($1::text[]) AS id ON CONFLICT DO NOTHING`, events.map((event) => event.eventId));
    },
    { timeout: 120_000 },
  );
  return invalid;
}

async function rebuiltEventIds(tx: Prisma.TransactionClient, schema: string, eventIds: readonly string[]): Promise<string[]> {
  if (eventIds.length === 0) return [];
  const rows = await tx.$queryRawUnsafe<Array<{ event_id: string }>>(`SELECT event_id::text FROM "${schema}".rebuilt_events WHERE event_id = ANY($1::uuid[])`, eventIds);
  return rows.map((row) => row.event_id);
}

/** The event as the live projector would take it, or null where it would be dead-lettered. */
function validEnvelope(stored: EventEnvelope): EventEnvelope | null {
  try {
    return readEvent(stored);
  } catch {
    return null;
  }
}
