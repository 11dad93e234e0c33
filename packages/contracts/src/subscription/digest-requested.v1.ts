import { z } from 'zod';
import { defineEvent, type EventDataOf } from '../event-definition.js';

/** Send a digest subscription's pending items now, rather than at the end of its period. */
export const DigestRequestedV1 = defineEvent({
  category: 'subscription',
  type: 'DigestRequested',
  schemaVersion: 1,
  schema: z.object({ subscriptionId: z.uuid(), requestedAt: z.iso.datetime({ offset: true }) }),
});
export type DigestRequested = EventDataOf<typeof DigestRequestedV1>;
