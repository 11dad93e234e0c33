import { randomUUID } from 'node:crypto';
import { storedData } from './event-size.js';
import { streamCategoryOf, validateEventData, type EventEnvelope, type EventMetadata, type NewEvent } from '@briefwatch/contracts';
import { inTransaction, type Database } from './database.js';
import { ConcurrencyError } from './errors.js';
import { EVENT_COLUMNS, envelopeFromRow, storedEnvelopeFromRow, type EventRow } from './event-rows.js';

/**
 * The version a writer expects the stream to be at: the number of events it has seen in it
 * (0 for "this stream must not exist yet"), or 'any' to append whatever is there.
 */
export type ExpectedVersion = number | 'any';

export interface AppendOptions {
  expectedVersion: ExpectedVersion;
  metadata: EventMetadata;
}

export interface AppendResult {
  /** The stream's version after the append: what to expect next time. */
  nextExpectedVersion: number;
  events: EventEnvelope[];
}

/**
 * Appends events to one stream, atomically, with optimistic concurrency. The stream's row in
 * event_streams is the lock: of two writers expecting the same version, one wins and the
 * other gets a ConcurrencyError. Data is checked against its contract before it is stored.
 */
export async function appendToStream(db: Database, streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
  if (events.length === 0) throw new Error('appendToStream needs at least one event');
  const category = streamCategoryOf(streamId);
  for (const event of events) validateEventData(event.type, event.schemaVersion, event.data);

  return inTransaction(db, async (tx) => {
    const newVersion = await advanceStreamVersion(tx, streamId, category, events.length, options.expectedVersion);
    const firstPosition = newVersion - events.length + 1;
    const rows = await tx.$queryRawUnsafe<EventRow[]>(
      `INSERT INTO events (event_id, stream_id, stream_position, type, schema_version, data, metadata)
       SELECT e.event_id, $1, e.stream_position, e.type, e.schema_version, e.data, $7::jsonb
       FROM unnest($2::uuid[], $3::bigint[], $4::text[], $5::int[], $6::jsonb[])
         AS e(event_id, stream_position, type, schema_version, data)
       RETURNING ${EVENT_COLUMNS}`,
      streamId,
      events.map((event) => event.eventId ?? randomUUID()),
      events.map((_, index) => firstPosition + index),
      events.map((event) => event.type),
      events.map((event) => event.schemaVersion),
      events.map(storedData),
      JSON.stringify(options.metadata),
    );
    rows.sort((a, b) => Number(a.stream_position - b.stream_position));
    return { nextExpectedVersion: newVersion, events: rows.map(envelopeFromRow) };
  });
}

async function advanceStreamVersion(
  tx: Database,
  streamId: string,
  category: string,
  count: number,
  expected: ExpectedVersion,
): Promise<number> {
  let rows: Array<{ version: bigint }>;
  if (expected === 'any') {
    rows = await tx.$queryRaw`
      INSERT INTO event_streams (stream_id, category, version) VALUES (${streamId}, ${category}, ${count})
      ON CONFLICT (stream_id) DO UPDATE SET version = event_streams.version + ${count}, updated_at = now()
      RETURNING version`;
  } else if (expected === 0) {
    rows = await tx.$queryRaw`
      INSERT INTO event_streams (stream_id, category, version) VALUES (${streamId}, ${category}, ${count})
      ON CONFLICT (stream_id) DO NOTHING
      RETURNING version`;
  } else {
    rows = await tx.$queryRaw`
      UPDATE event_streams SET version = version + ${count}, updated_at = now()
      WHERE stream_id = ${streamId} AND version = ${expected}
      RETURNING version`;
  }
  const row = rows[0];
  if (row) return Number(row.version);
  throw new ConcurrencyError(streamId, expected, await streamVersion(tx, streamId));
}

/** The number of events in a stream (0 when it does not exist). */
export async function streamVersion(db: Database, streamId: string): Promise<number> {
  const rows = await db.$queryRaw<Array<{ version: bigint }>>`SELECT version FROM event_streams WHERE stream_id = ${streamId}`;
  return rows[0] ? Number(rows[0].version) : 0;
}

/** Every event of one stream, oldest first. */
export async function readStream(db: Database, streamId: string): Promise<EventEnvelope[]> {
  const rows = await db.$queryRawUnsafe<EventRow[]>(
    `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = $1 ORDER BY stream_position`,
    streamId,
  );
  return rows.map(envelopeFromRow);
}

/**
 * One page of every event in the given stream categories after a global position, in store
 * order, as stored (a reader that rebuilds from them validates each, as consumers do).
 */
export async function readCategoriesAfter(db: Database, categories: readonly string[], afterPosition: number, limit: number): Promise<EventEnvelope[]> {
  const rows = await db.$queryRawUnsafe<EventRow[]>(
    `SELECT ${EVENT_COLUMNS} FROM events e JOIN event_streams s USING (stream_id)
     WHERE s.category = ANY($1::text[]) AND e.global_position > $2::bigint
     ORDER BY e.global_position LIMIT $3`,
    categories,
    afterPosition,
    limit,
  );
  return rows.map(storedEnvelopeFromRow);
}

/**
 * The oldest transaction still running (as xid8 text): every event of an older transaction is
 * committed already, so a reader that starts now sees all of them.
 */
export async function oldestRunningTransaction(db: Database): Promise<string> {
  const [row] = await db.$queryRaw<Array<{ xmin: string }>>`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`;
  return row!.xmin;
}

/**
 * Events of the given categories that a reader paging by global position from
 * `oldestRunningTransaction` on may have missed: those after its last position, and those of
 * transactions from that one on (which may have committed after the reader passed their
 * position). In store order.
 */
export async function readCategoriesSince(db: Database, categories: readonly string[], afterPosition: number, fromTransaction: string): Promise<EventEnvelope[]> {
  const rows = await db.$queryRawUnsafe<EventRow[]>(
    `SELECT ${EVENT_COLUMNS} FROM events e JOIN event_streams s USING (stream_id)
     WHERE s.category = ANY($1::text[]) AND (e.global_position > $2::bigint OR e.transaction_id >= $3::xid8)
     ORDER BY e.global_position`,
    categories,
    afterPosition,
    fromTransaction,
  );
  return rows.map(storedEnvelopeFromRow);
}

/** How many events the given stream categories hold. */
export async function countCategories(db: Database, categories: readonly string[]): Promise<number> {
  const [row] = await db.$queryRawUnsafe<Array<{ n: bigint }>>(
    `SELECT count(*) AS n FROM events e JOIN event_streams s USING (stream_id) WHERE s.category = ANY($1::text[])`,
    categories,
  );
  return Number(row?.n ?? 0);
}
