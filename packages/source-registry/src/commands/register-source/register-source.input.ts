import { z } from 'zod';
import { SOURCE_KINDS } from '@briefwatch/contracts';

/** What a user gives to register a feed, over HTTP or the CLI: validated here, once. */
export const registerSourceInputSchema = z.strictObject({
  feedUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2_000),
  title: z.string().trim().min(1).max(300).optional(),
  publisher: z.string().trim().min(1).max(200).nullable().optional(),
  kind: z.enum(SOURCE_KINDS).default('publisher'),
});
export type RegisterSourceInput = z.infer<typeof registerSourceInputSchema>;
