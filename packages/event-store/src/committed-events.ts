import type { EventEnvelope } from '@briefwatch/contracts';
import type { Database } from './database.js';
import { EVENT_COLUMNS, storedEnvelopeFromRow, type EventRow } from './event-rows.js';

/** A reader's place in the store: the last (transaction id, global position) it has taken. */
export interface StoreCheckpoint {
  transactionId: string;
  globalPosition: number;
}

export const START_OF_STORE: StoreCheckpoint = { transactionId: '0', globalPosition: 0 };

export interface CommittedBatch {
  events: EventEnvelope[];
  /** Where the next read starts; unchanged when the batch is empty. */
  checkpoint: StoreCheckpoint;
}

/**
 * Reads committed events after the checkpoint in (transaction id, global position) order.
 * It reads only below the oldest transaction still running, so an event whose transaction
 * commits late (with a lower global position than events already visible) is never skipped.
 * Events come as stored, not validated: an event the reader cannot interpret must still
 * travel on, to be dead-lettered by its consumers rather than stop the stream here.
 */
export async function readCommittedAfter(db: Database, after: StoreCheckpoint, limit: number): Promise<CommittedBatch> {
  const rows = await db.$queryRawUnsafe<EventRow[]>(
    `SELECT ${EVENT_COLUMNS} FROM events
     WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
       AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
     ORDER BY transaction_id, global_position
     LIMIT $3`,
    after.transactionId,
    after.globalPosition,
    limit,
  );
  const last = rows[rows.length - 1];
  return {
    events: rows.map(storedEnvelopeFromRow),
    checkpoint: last ? { transactionId: last.transaction_id, globalPosition: Number(last.global_position) } : after,
  };
}
