import { z } from 'zod';
import { defineEvent, type EventDataOf } from '../event-definition.js';

/** A digest subscription's items up to `until` were gathered into one message, queued for delivery. */
export const DigestQueuedV1 = defineEvent({
  category: 'subscription',
  type: 'DigestQueued',
  schemaVersion: 1,
  schema: z.object({
    subscriptionId: z.uuid(),
    alertId: z.uuid(),
    itemAlertIds: z.array(z.uuid()).min(1),
    from: z.iso.datetime({ offset: true }),
    until: z.iso.datetime({ offset: true }),
    queuedAt: z.iso.datetime({ offset: true }),
  }),
});
export type DigestQueued = EventDataOf<typeof DigestQueuedV1>;
