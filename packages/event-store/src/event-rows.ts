import { readEvent, type EventEnvelope, type EventMetadata } from '@briefwatch/contracts';

/** An events row as the store's queries select it. */
export interface EventRow {
  event_id: string;
  stream_id: string;
  stream_position: bigint;
  global_position: bigint;
  transaction_id: string;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: EventMetadata;
  recorded_at: Date;
}

export const EVENT_COLUMNS = `event_id::text, stream_id, stream_position, global_position, transaction_id::text,
  type, schema_version, data, metadata, recorded_at`;

/** A stored event exactly as written: what the relay publishes (consumers validate on receipt). */
export function storedEnvelopeFromRow(row: EventRow): EventEnvelope {
  return {
    eventId: row.event_id,
    streamId: row.stream_id,
    streamPosition: Number(row.stream_position),
    globalPosition: Number(row.global_position),
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at.toISOString(),
  };
}

/** A stored event, validated against its contract and upcast to the newest version. */
export function envelopeFromRow(row: EventRow): EventEnvelope {
  return readEvent(storedEnvelopeFromRow(row));
}
