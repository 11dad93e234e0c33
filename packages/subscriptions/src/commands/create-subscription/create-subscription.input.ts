import { z } from 'zod';
import { subscriptionTargetSchema } from '@briefwatch/contracts';

/** What a subscriber gives, over HTTP: validated here, once. */
export const createSubscriptionInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  target: subscriptionTargetSchema,
  minScore: z.number().min(0).max(1).default(0.35),
  sourceIds: z.array(z.uuid()).max(500).default([]),
  webhookUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2_000),
});
export type CreateSubscriptionInput = z.infer<typeof createSubscriptionInputSchema>;
