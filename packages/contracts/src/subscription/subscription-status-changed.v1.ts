import { z } from 'zod';
import { defineEvent, type EventDataOf } from '../event-definition.js';

/**
 * A subscription was paused (nothing is queued for it; what is queued waits), resumed, or
 * removed (nothing more is queued or delivered; its history stays).
 */
export const SubscriptionStatusChangedV1 = defineEvent({
  category: 'subscription',
  type: 'SubscriptionStatusChanged',
  schemaVersion: 1,
  schema: z.object({ subscriptionId: z.uuid(), status: z.enum(['active', 'paused', 'removed']), changedAt: z.iso.datetime({ offset: true }) }),
});
export type SubscriptionStatusChanged = EventDataOf<typeof SubscriptionStatusChangedV1>;
