import { z } from 'zod';
import { defineEvent, type EventDataOf } from '../event-definition.js';

/**
 * A subscription's webhook secret was replaced. Alerts are signed with the new secret and,
 * until `previousValidUntil`, with the previous one too, so a receiver can switch over
 * without dropping an alert. The secrets themselves are never in an event.
 */
export const WebhookSecretRotatedV1 = defineEvent({
  category: 'subscription',
  type: 'WebhookSecretRotated',
  schemaVersion: 1,
  schema: z.object({ subscriptionId: z.uuid(), rotatedAt: z.iso.datetime({ offset: true }), previousValidUntil: z.iso.datetime({ offset: true }) }),
});
export type WebhookSecretRotated = EventDataOf<typeof WebhookSecretRotatedV1>;
