import { randomUUID } from 'node:crypto';
import { storedData } from './event-size.js';
import { streamCategoryOf, validateEventData, type EventEnvelope, type EventMetadata, type NewEvent } from '@briefwatch/contracts';
import { inTransaction, type Database } from './database.js';
import { ConcurrencyError } from './errors.js';
import { EVENT_COLUMNS, envelopeFromRow, type EventRow } from './event-rows.js';
import { streamVersion, type ExpectedVersion } from './event-store.js';

/** Events for one stream, in a batch of appends to many. */
export interface StreamAppend {
  streamId: string;
  events: readonly NewEvent[];
  /** As for appendToStream: the version this writer saw (0: the stream must be new), or 'any'. */
  expectedVersion: ExpectedVersion;
  metadata: EventMetadata;
}

/**
 * Appends to many streams in one transaction and a handful of statements, whatever their
 * number: what a consumer taking events in batches writes. Each stream keeps appendToStream's
 * guarantees (contracts checked, optimistic concurrency); if any stream moved on, nothing of
 * the batch is written and the ConcurrencyError names that stream. Answers how many events it
 * appended: it does not read them back (a batch writer has what it wrote).
 */
export async function appendToStreams(db: Database, appends: readonly StreamAppend[]): Promise<number> {
  const batch = appends.filter((a) => a.events.length > 0);
  if (batch.length === 0) return 0;
  if (new Set(batch.map((a) => a.streamId)).size !== batch.length) throw new Error('appendToStreams takes each stream once');
  for (const append of batch) for (const event of append.events) validateEventData(event.type, event.schemaVersion, event.data);

  return inTransaction(db, async (tx) => {
    const versions = await advanceStreamVersions(tx, batch);
    return tx.$executeRawUnsafe(
      `INSERT INTO events (event_id, stream_id, stream_position, type, schema_version, data, metadata)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::text[], $5::int[], $6::jsonb[], $7::jsonb[])`,
      ...eventColumns(batch, versions),
    );
  });
}

function eventColumns(batch: readonly StreamAppend[], versions: Map<string, number>) {
  const columns = { ids: [] as string[], streams: [] as string[], positions: [] as number[], types: [] as string[], schemaVersions: [] as number[], data: [] as string[], metadata: [] as string[] };
  for (const append of batch) {
    const first = versions.get(append.streamId)! - append.events.length + 1;
    const metadata = JSON.stringify(append.metadata);
    append.events.forEach((event, index) => {
      columns.ids.push(event.eventId ?? randomUUID());
      columns.streams.push(append.streamId);
      columns.positions.push(first + index);
      columns.types.push(event.type);
      columns.schemaVersions.push(event.schemaVersion);
      columns.data.push(storedData(event));
      columns.metadata.push(metadata);
    });
  }
  return [columns.ids, columns.streams, columns.positions, columns.types, columns.schemaVersions, columns.data, columns.metadata];
}

/** Moves every stream's version on, in one statement per kind of expectation; answers each stream's new version. */
async function advanceStreamVersions(tx: Database, batch: readonly StreamAppend[]): Promise<Map<string, number>> {
  const versions = new Map<string, number>();
  const group = (test: (e: ExpectedVersion) => boolean) => batch.filter((a) => test(a.expectedVersion));
  const record = (rows: Array<{ stream_id: string; version: bigint }>) => rows.forEach((row) => versions.set(row.stream_id, Number(row.version)));
  const columns = (appends: StreamAppend[]) => [appends.map((a) => a.streamId), appends.map((a) => streamCategoryOf(a.streamId)), appends.map((a) => a.events.length)];

  const fresh = group((e) => e === 0);
  if (fresh.length) {
    record(await tx.$queryRawUnsafe(
      `INSERT INTO event_streams (stream_id, category, version)
       SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[]) ON CONFLICT (stream_id) DO NOTHING RETURNING stream_id, version`,
      ...columns(fresh),
    ));
  }
  const any = group((e) => e === 'any');
  if (any.length) {
    record(await tx.$queryRawUnsafe(
      `INSERT INTO event_streams (stream_id, category, version)
       SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[])
       ON CONFLICT (stream_id) DO UPDATE SET version = event_streams.version + EXCLUDED.version, updated_at = now() RETURNING stream_id, version`,
      ...columns(any),
    ));
  }
  const known = group((e) => typeof e === 'number' && e > 0);
  if (known.length) {
    record(await tx.$queryRawUnsafe(
      `UPDATE event_streams s SET version = s.version + b.count, updated_at = now()
       FROM unnest($1::text[], $2::bigint[], $3::bigint[]) AS b(stream_id, expected, count)
       WHERE s.stream_id = b.stream_id AND s.version = b.expected RETURNING s.stream_id, s.version`,
      known.map((a) => a.streamId), known.map((a) => a.expectedVersion as number), known.map((a) => a.events.length),
    ));
  }
  const moved = batch.find((a) => !versions.has(a.streamId));
  if (moved) throw new ConcurrencyError(moved.streamId, moved.expectedVersion, await streamVersion(tx, moved.streamId));
  return versions;
}

/** Every event of each of the given streams, oldest first, in one query. */
export async function readStreams(db: Database, streamIds: readonly string[]): Promise<Map<string, EventEnvelope[]>> {
  const streams = new Map<string, EventEnvelope[]>(streamIds.map((id) => [id, []]));
  if (streamIds.length === 0) return streams;
  const rows = await db.$queryRawUnsafe<EventRow[]>(
    `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ANY($1::text[]) ORDER BY stream_id, stream_position`,
    streamIds,
  );
  for (const row of rows) streams.get(row.stream_id)!.push(envelopeFromRow(row));
  return streams;
}
