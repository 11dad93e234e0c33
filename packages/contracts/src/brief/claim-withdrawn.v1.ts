import { z } from 'zod';
import { defineEvent, type EventDataOf } from '../event-definition.js';
import { claimIdSchema } from './brief-shapes.js';

/** A claim is no longer in the brief. Its history and links stay. */
export const ClaimWithdrawnV1 = defineEvent({
  category: 'brief',
  type: 'ClaimWithdrawn',
  schemaVersion: 1,
  schema: z.object({ briefId: z.string().min(1), claimId: claimIdSchema }),
});
export type ClaimWithdrawn = EventDataOf<typeof ClaimWithdrawnV1>;
