import { z } from 'zod';

/** What a link joins: one revision of an article to a brief's topic, or to one of its claims. */
export const linkTargetSchema = z.object({
  articleId: z.uuid(),
  articleRevision: z.number().int().positive(),
  briefId: z.string().min(1),
  topicId: z.string().regex(/^t\d+$/),
  /** Null for a link to the topic as a whole. */
  claimId: z.string().nullable(),
});
