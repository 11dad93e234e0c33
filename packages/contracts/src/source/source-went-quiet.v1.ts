import { z } from 'zod';
import { defineEvent, type EventDataOf } from '../event-definition.js';

/**
 * A source that answers has published nothing new for much longer than its usual gap
 * between new items: a feed that moved, or a publisher that stopped covering the subject.
 */
export const SourceWentQuietV1 = defineEvent({
  category: 'source',
  type: 'SourceWentQuiet',
  schemaVersion: 1,
  schema: z.object({ sourceId: z.uuid(), lastNewItemAt: z.iso.datetime({ offset: true }), usualGapSeconds: z.number().int().nonnegative(), quietForSeconds: z.number().int().nonnegative(), since: z.iso.datetime({ offset: true }) }),
});
export type SourceWentQuiet = EventDataOf<typeof SourceWentQuietV1>;
