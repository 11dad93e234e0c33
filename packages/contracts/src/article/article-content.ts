import { z } from 'zod';

/** An article's content and provenance, as carried by its discovery and each revision. */
export const articleContentSchema = z.object({
  articleId: z.uuid(),
  sourceId: z.uuid(),
  feedUrl: z.string(),
  guid: z.string().min(1),
  link: z.string().nullable(),
  canonicalUrl: z.string().nullable(),
  title: z.string(),
  summary: z.string(),
  /** The publisher's HTML, as sent: sanitised wherever it is shown. */
  content: z.string().nullable(),
  authors: z.array(z.string()),
  categories: z.array(z.string()),
  media: z.array(z.object({ url: z.string(), type: z.string().nullable(), medium: z.string().nullable() })),
  published: z.iso.datetime({ offset: true }).nullable(),
  updated: z.iso.datetime({ offset: true }).nullable(),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** The raw response this version was read from (raw_responses, by SHA-256). */
  rawHash: z.string().nullable(),
  fetchedAt: z.iso.datetime({ offset: true }),
});
export type ArticleContent = z.infer<typeof articleContentSchema>;
