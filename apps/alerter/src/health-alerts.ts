import { randomUUID } from 'node:crypto';
import { SourceHealthAlertQueuedV1, streamIdOf, type EventEnvelope, type SourceCondition } from '@briefwatch/contracts';
import type { Prisma } from '@briefwatch/db';
import { appendToStream } from '@briefwatch/event-store';
import { subscriptionsWatchingSource } from './match-subscriptions.js';

/** The source events a subscriber can be told about, and what each means for the source. */
export const HEALTH_CONDITIONS: Record<string, SourceCondition> = {
  SourceFailing: 'failing',
  SourceRecovered: 'recovered',
  SourceWentQuiet: 'quiet',
  SourceActiveAgain: 'active-again',
};

/**
 * Queues a source-health alert for each subscription that asked for them and watches the
 * source. They go out at once, also to digest subscriptions: a feed that stopped answering
 * is news that should not wait for the end of the day. One alert per (subscription, event).
 */
export async function queueHealthAlerts(tx: Prisma.TransactionClient, event: EventEnvelope): Promise<number> {
  const condition = HEALTH_CONDITIONS[event.type];
  if (!condition) return 0;
  const detail = event.data as { sourceId: string };
  const watching = subscriptionsWatchingSource(detail.sourceId, await tx.subscription.findMany({ where: { status: 'active', notifyHealth: true } }));
  if (watching.length === 0) return 0;
  const source = await tx.source.findUnique({ where: { id: detail.sourceId } });
  let queued = 0;
  for (const subscription of watching) {
    const alertId = randomUUID();
    const payload = {
      kind: 'source-health',
      alertId,
      subscriptionId: subscription.id,
      condition,
      source: { id: detail.sourceId, title: source?.title ?? null, feedUrl: source?.feedUrl ?? null, publisher: source?.publisher ?? null },
      detail,
      at: event.recordedAt,
    };
    const inserted = await tx.$executeRaw`
      INSERT INTO alert_queue (alert_id, subscription_id, dedupe_key, kind, payload)
      VALUES (${alertId}::uuid, ${subscription.id}::uuid, ${`${subscription.id}:health:${event.eventId}`}, 'source-health', ${JSON.stringify(payload)}::jsonb)
      ON CONFLICT (dedupe_key) DO NOTHING`;
    if (inserted === 0) continue;
    await appendToStream(
      tx,
      streamIdOf('subscription', subscription.id),
      [{ type: SourceHealthAlertQueuedV1.type, schemaVersion: 1, data: { subscriptionId: subscription.id, alertId, sourceId: detail.sourceId, condition, queuedAt: new Date().toISOString() } }],
      { expectedVersion: 'any', metadata: { correlationId: event.metadata.correlationId, causationId: event.eventId } },
    );
    queued += 1;
  }
  return queued;
}
