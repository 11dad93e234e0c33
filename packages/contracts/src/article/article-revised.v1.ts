import { z } from 'zod';
import { defineEvent, type EventDataOf } from '../event-definition.js';
import { articleContentSchema } from './article-content.js';

/** An article seen again with changed content: a new version, kept beside the earlier ones. */
export const ArticleRevisedV1 = defineEvent({
  category: 'article',
  type: 'ArticleRevised',
  schemaVersion: 1,
  schema: articleContentSchema.extend({ revision: z.number().int().min(2), previousContentHash: z.string() }),
});
export type ArticleRevised = EventDataOf<typeof ArticleRevisedV1>;
