import { z } from 'zod';
import { defineEvent, type EventDataOf } from '../event-definition.js';

/** A failing source answered again. */
export const SourceRecoveredV1 = defineEvent({
  category: 'source',
  type: 'SourceRecovered',
  schemaVersion: 1,
  schema: z.object({ sourceId: z.uuid(), recoveredAt: z.iso.datetime({ offset: true }), afterFailures: z.number().int().positive() }),
});
export type SourceRecovered = EventDataOf<typeof SourceRecoveredV1>;
