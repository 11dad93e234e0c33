import type { Prisma } from '@briefwatch/db';
import type { Projection } from './projections.js';

/** The consumer group (and inbox name) of a read model's live projector. */
export const projectorGroup = (projection: Projection): string => `projector.${projection.name}`;

/**
 * The live projector holds this lock, shared, around each batch it applies; a rebuild's swap
 * holds it alone for its one short transaction. So the live projector pauses only while the
 * rebuilt tables are swapped in, then applies, on top of them, only what they had not seen.
 */
export async function holdProjectionLock(tx: Prisma.TransactionClient, projection: Projection, mode: 'shared' | 'exclusive'): Promise<void> {
  const lock = mode === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock';
  await tx.$executeRawUnsafe(`SELECT ${lock}(hashtext($1))`, projectorGroup(projection));
}
