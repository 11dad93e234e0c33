import { z } from 'zod';
import { defineEvent, type EventDataOf } from '../event-definition.js';

/** Polling of a source stops until it is resumed; everything it published stays. */
export const SourcePausedV1 = defineEvent({
  category: 'source',
  type: 'SourcePaused',
  schemaVersion: 1,
  schema: z.object({ sourceId: z.uuid(), reason: z.string().max(500).nullable(), pausedAt: z.iso.datetime({ offset: true }) }),
});
export type SourcePaused = EventDataOf<typeof SourcePausedV1>;
