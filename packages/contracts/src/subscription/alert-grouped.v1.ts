import { z } from 'zod';
import { defineEvent, type EventDataOf } from '../event-definition.js';

/**
 * Another outlet's copy of a story already alerted (or about to be): the article joins that
 * alert's list of outlets instead of making an alert of its own.
 */
export const AlertGroupedV1 = defineEvent({
  category: 'subscription',
  type: 'AlertGrouped',
  schemaVersion: 1,
  schema: z.object({ subscriptionId: z.uuid(), alertId: z.uuid(), articleId: z.uuid(), sourceIds: z.array(z.uuid()), groupedAt: z.iso.datetime({ offset: true }) }),
});
export type AlertGrouped = EventDataOf<typeof AlertGroupedV1>;
