import { z } from 'zod';
import { defineEvent, type EventDataOf } from '../event-definition.js';

export const subscriptionTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('brief'), briefId: z.string().min(1) }),
  z.object({ kind: z.literal('topic'), briefId: z.string().min(1), topicId: z.string().regex(/^t\d+$/) }),
  z.object({ kind: z.literal('claim'), briefId: z.string().min(1), claimId: z.string().regex(/^t\d+\.c\d+(\.\d+)*$/) }),
]);
export type SubscriptionTarget = z.infer<typeof subscriptionTargetSchema>;

/**
 * Someone wants to hear about new coverage of a brief, a topic or a claim. The webhook's
 * signing secret is never in an event: events travel on Kafka; the secret stays in Postgres.
 */
export const SubscriptionCreatedV1 = defineEvent({
  category: 'subscription',
  type: 'SubscriptionCreated',
  schemaVersion: 1,
  schema: z.object({
    subscriptionId: z.uuid(),
    name: z.string().min(1).max(200),
    target: subscriptionTargetSchema,
    /** Links scored below this are not worth an alert. */
    minScore: z.number().min(0).max(1),
    /** Only coverage from these sources; empty for any source. */
    sourceIds: z.array(z.uuid()),
    channel: z.object({ kind: z.literal('webhook'), url: z.url({ protocol: /^https?$/ }) }),
    createdAt: z.iso.datetime({ offset: true }),
  }),
});
export type SubscriptionCreated = EventDataOf<typeof SubscriptionCreatedV1>;
