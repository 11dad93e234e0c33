import { z } from 'zod';
import { defineEvent, type EventDataOf } from '../event-definition.js';

/** A source keeps failing: flagged, still polled with backoff, never dropped silently. */
export const SourceFailingV1 = defineEvent({
  category: 'source',
  type: 'SourceFailing',
  schemaVersion: 1,
  schema: z.object({ sourceId: z.uuid(), consecutiveFailures: z.number().int().positive(), errorCode: z.string(), errorMessage: z.string(), since: z.iso.datetime({ offset: true }) }),
});
export type SourceFailing = EventDataOf<typeof SourceFailingV1>;
