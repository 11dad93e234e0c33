import { z } from 'zod';
import { defineEvent, type EventDataOf } from '../event-definition.js';

/** Every attempt failed: the alert is set aside (it can be replayed), and the endpoint flagged. */
export const AlertFailedV1 = defineEvent({
  category: 'subscription',
  type: 'AlertFailed',
  schemaVersion: 1,
  schema: z.object({ subscriptionId: z.uuid(), alertId: z.uuid(), attempts: z.number().int().positive(), lastStatus: z.number().int().nullable(), error: z.string(), failedAt: z.iso.datetime({ offset: true }) }),
});
export type AlertFailed = EventDataOf<typeof AlertFailedV1>;
