import { z } from 'zod';
import { defineEvent, type EventDataOf } from '../event-definition.js';

/** A citation is no longer in the brief. */
export const CitationWithdrawnV1 = defineEvent({
  category: 'brief',
  type: 'CitationWithdrawn',
  schemaVersion: 1,
  schema: z.object({ briefId: z.string().min(1), number: z.number().int().positive() }),
});
export type CitationWithdrawn = EventDataOf<typeof CitationWithdrawnV1>;
