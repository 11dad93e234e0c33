import { z } from 'zod';
import { defineEvent, type EventDataOf } from '../event-definition.js';

/** A paused source is polled again. */
export const SourceResumedV1 = defineEvent({
  category: 'source',
  type: 'SourceResumed',
  schemaVersion: 1,
  schema: z.object({ sourceId: z.uuid(), resumedAt: z.iso.datetime({ offset: true }) }),
});
export type SourceResumed = EventDataOf<typeof SourceResumedV1>;
