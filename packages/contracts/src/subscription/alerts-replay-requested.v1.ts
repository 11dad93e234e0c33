import { z } from 'zod';
import { defineEvent, type EventDataOf } from '../event-definition.js';

/**
 * The subscriber fixed its endpoint: send again every alert queued since `since` that was
 * not delivered (and, with `includeDelivered`, those that were), with their first
 * idempotency keys, so a receiver that kept them drops the repeats.
 */
export const AlertsReplayRequestedV1 = defineEvent({
  category: 'subscription',
  type: 'AlertsReplayRequested',
  schemaVersion: 1,
  schema: z.object({ subscriptionId: z.uuid(), since: z.iso.datetime({ offset: true }), includeDelivered: z.boolean(), requestedAt: z.iso.datetime({ offset: true }) }),
});
export type AlertsReplayRequested = EventDataOf<typeof AlertsReplayRequestedV1>;
