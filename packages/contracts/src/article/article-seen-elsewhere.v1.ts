import { z } from 'zod';
import { defineEvent, type EventDataOf } from '../event-definition.js';

/** The same story (same canonical URL) arrived from another source: one article, one more source. */
export const ArticleSeenElsewhereV1 = defineEvent({
  category: 'article',
  type: 'ArticleSeenElsewhere',
  schemaVersion: 1,
  schema: z.object({ articleId: z.uuid(), sourceId: z.uuid(), feedUrl: z.string(), guid: z.string(), seenAt: z.iso.datetime({ offset: true }), rawHash: z.string().nullable() }),
});
export type ArticleSeenElsewhere = EventDataOf<typeof ArticleSeenElsewhereV1>;
