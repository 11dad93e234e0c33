import { z } from 'zod';
import { defineEvent, type EventDataOf } from '../event-definition.js';

const topicIdSchema = z.string().regex(/^t\d+$/);
const claimIdSchema = z.string().regex(/^t\d+\.c\d+(\.\d+)*$/);
const termsSchema = z.array(z.string().trim().min(1).max(100)).max(20);

/**
 * A saved query over a brief: some of its topics (none listed: all), or some of its claims,
 * narrowed to coverage that mentions every one of `terms` and none of `excludeTerms`
 * (whole words, any case, in the title, summary or text).
 */
export const savedQuerySchema = z.object({
  kind: z.literal('query'),
  briefId: z.string().min(1),
  topicIds: z.array(topicIdSchema).max(100).default([]),
  claimIds: z.array(claimIdSchema).max(500).default([]),
  terms: termsSchema.default([]),
  excludeTerms: termsSchema.default([]),
});
export type SavedQuery = z.infer<typeof savedQuerySchema>;

export const subscriptionTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('brief'), briefId: z.string().min(1) }),
  z.object({ kind: z.literal('topic'), briefId: z.string().min(1), topicId: topicIdSchema }),
  z.object({ kind: z.literal('claim'), briefId: z.string().min(1), claimId: claimIdSchema }),
  /** Everything one source publishes that links to any brief, and its health. */
  z.object({ kind: z.literal('source'), sourceId: z.uuid() }),
  savedQuerySchema,
]);
export type SubscriptionTarget = z.infer<typeof subscriptionTargetSchema>;

export const DIGEST_PERIODS = ['hourly', 'daily'] as const;
export type DigestPeriod = (typeof DIGEST_PERIODS)[number];

/**
 * Where alerts go: each alert as it happens (`webhook`), or everything new in one message
 * per hour or per day (`digest`, also POSTed, signed the same way).
 */
export const subscriptionChannelSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('webhook'), url: z.url({ protocol: /^https?$/ }) }),
  z.object({ kind: z.literal('digest'), url: z.url({ protocol: /^https?$/ }), every: z.enum(DIGEST_PERIODS) }),
]);
export type SubscriptionChannel = z.infer<typeof subscriptionChannelSchema>;

/** What a subscriber is told about: new coverage, and (if asked) when a watched source fails or goes quiet. */
export const subscriptionNotifySchema = z.object({ coverage: z.boolean(), sourceHealth: z.boolean() });

/**
 * Someone wants to hear about new coverage of a brief, a topic, a claim or a source. The
 * webhook's signing secret is never in an event: events travel on Kafka; the secret stays
 * in Postgres.
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
    channel: subscriptionChannelSchema,
    notify: subscriptionNotifySchema.default({ coverage: true, sourceHealth: false }),
    createdAt: z.iso.datetime({ offset: true }),
  }),
});
export type SubscriptionCreated = EventDataOf<typeof SubscriptionCreatedV1>;
