import { z } from 'zod';
import { defineEvent, type EventDataOf } from '../event-definition.js';

/** New coverage matched a subscription: one alert per (subscription, article), or per changed revision. */
export const AlertQueuedV1 = defineEvent({
  category: 'subscription',
  type: 'AlertQueued',
  schemaVersion: 1,
  schema: z.object({
    subscriptionId: z.uuid(),
    alertId: z.uuid(),
    articleId: z.uuid(),
    articleRevision: z.number().int().positive(),
    briefId: z.string(),
    topicId: z.string(),
    claimIds: z.array(z.string()),
    score: z.number(),
    /** Set when an article alerted before was revised in the part that matched. */
    revised: z.boolean(),
    queuedAt: z.iso.datetime({ offset: true }),
  }),
});
export type AlertQueued = EventDataOf<typeof AlertQueuedV1>;
