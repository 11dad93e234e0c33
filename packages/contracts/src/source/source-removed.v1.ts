import { z } from 'zod';
import { defineEvent, type EventDataOf } from '../event-definition.js';

/** A source is no longer watched. Its timeline and articles stay. */
export const SourceRemovedV1 = defineEvent({
  category: 'source',
  type: 'SourceRemoved',
  schemaVersion: 1,
  schema: z.object({ sourceId: z.uuid(), removedAt: z.iso.datetime({ offset: true }) }),
});
export type SourceRemoved = EventDataOf<typeof SourceRemovedV1>;
