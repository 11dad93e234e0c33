import { z } from 'zod';
import { defineEvent, type EventDataOf } from '../event-definition.js';
import { articleContentSchema } from './article-content.js';

/** A new item from a feed: the first version of an article, with where and when it was fetched. */
export const ArticleDiscoveredV1 = defineEvent({
  category: 'article',
  type: 'ArticleDiscovered',
  schemaVersion: 1,
  schema: articleContentSchema,
});
export type ArticleDiscovered = EventDataOf<typeof ArticleDiscoveredV1>;
