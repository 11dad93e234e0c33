import { z } from 'zod';
import { defineEvent, type EventDataOf } from '../event-definition.js';

export const SOURCE_CONDITIONS = ['failing', 'recovered', 'quiet', 'active-again'] as const;
export type SourceCondition = (typeof SOURCE_CONDITIONS)[number];

/** A source the subscriber watches stopped answering, answered again, went quiet or published again. */
export const SourceHealthAlertQueuedV1 = defineEvent({
  category: 'subscription',
  type: 'SourceHealthAlertQueued',
  schemaVersion: 1,
  schema: z.object({ subscriptionId: z.uuid(), alertId: z.uuid(), sourceId: z.uuid(), condition: z.enum(SOURCE_CONDITIONS), queuedAt: z.iso.datetime({ offset: true }) }),
});
export type SourceHealthAlertQueued = EventDataOf<typeof SourceHealthAlertQueuedV1>;
