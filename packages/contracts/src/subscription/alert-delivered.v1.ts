import { z } from 'zod';
import { defineEvent, type EventDataOf } from '../event-definition.js';

/** The subscriber's endpoint accepted the alert (2xx). */
export const AlertDeliveredV1 = defineEvent({
  category: 'subscription',
  type: 'AlertDelivered',
  schemaVersion: 1,
  schema: z.object({ subscriptionId: z.uuid(), alertId: z.uuid(), attempts: z.number().int().positive(), status: z.number().int(), latencyMs: z.number().int().nonnegative(), deliveredAt: z.iso.datetime({ offset: true }) }),
});
export type AlertDelivered = EventDataOf<typeof AlertDeliveredV1>;
