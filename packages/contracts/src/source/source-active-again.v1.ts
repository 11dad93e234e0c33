import { z } from 'zod';
import { defineEvent, type EventDataOf } from '../event-definition.js';

/** A quiet source published something new. */
export const SourceActiveAgainV1 = defineEvent({
  category: 'source',
  type: 'SourceActiveAgain',
  schemaVersion: 1,
  schema: z.object({ sourceId: z.uuid(), quietSince: z.iso.datetime({ offset: true }), activeAt: z.iso.datetime({ offset: true }) }),
});
export type SourceActiveAgain = EventDataOf<typeof SourceActiveAgainV1>;
