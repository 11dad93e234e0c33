import { z } from 'zod';
import { SOURCE_KINDS } from '@briefwatch/contracts';

/** What a user gives to register a feed, over HTTP or the CLI: validated here, once. */
export const registerSourceInputSchema = z.strictObject({
  feedUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2_000),
  title: z.string().trim().min(1).max(300).optional(),
  publisher: z.string().trim().min(1).max(200).nullable().optional(),
  kind: z.enum(SOURCE_KINDS).default('publisher'),
  /** For a follow-up feed: the brief topic it searches for. */
  followsUp: z.strictObject({ briefId: z.string().min(1).max(100), topicId: z.string().regex(/^t\d+$/) }).nullable().optional(),
});
export type RegisterSourceInput = z.infer<typeof registerSourceInputSchema>;
