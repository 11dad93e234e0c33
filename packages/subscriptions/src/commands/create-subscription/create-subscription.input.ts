import { z } from 'zod';
import { DIGEST_PERIODS, subscriptionTargetSchema } from '@briefwatch/contracts';

/** What a subscriber gives, over HTTP: validated here, once. */
export const createSubscriptionInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  target: subscriptionTargetSchema,
  minScore: z.number().min(0).max(1).default(0.35),
  sourceIds: z.array(z.uuid()).max(500).default([]),
  webhookUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2_000),
  /** Batch alerts into one message per hour or per day instead of one POST each. */
  digest: z.enum(DIGEST_PERIODS).optional(),
  notify: z.strictObject({ coverage: z.boolean().default(true), sourceHealth: z.boolean().default(false) }).default({ coverage: true, sourceHealth: false }),
}).refine((input) => input.notify.coverage || input.notify.sourceHealth, { message: 'a subscription must notify about coverage, source health, or both', path: ['notify'] });
export type CreateSubscriptionInput = z.infer<typeof createSubscriptionInputSchema>;
