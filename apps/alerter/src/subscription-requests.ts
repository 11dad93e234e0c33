import type { AlertsReplayRequested, SubscriptionStatusChanged } from '@briefwatch/contracts';
import type { Prisma } from '@briefwatch/db';

/**
 * A replay: every alert of the subscription queued since `since` that was not delivered
 * (with `includeDelivered`, also those that were) goes back in the queue, due now, with its
 * full number of attempts again and its first idempotency key. Items already sent inside a
 * digest are replayed as that digest.
 */
export async function replayAlerts(tx: Prisma.TransactionClient, request: AlertsReplayRequested): Promise<number> {
  const states = request.includeDelivered ? ['failed', 'delivered'] : ['failed'];
  return tx.$executeRaw`
    UPDATE alert_queue SET state = 'pending', attempt_base = attempts, next_attempt_at = now(), lease_owner = NULL, lease_expires_at = NULL, dead_lettered_at = NULL
    WHERE subscription_id = ${request.subscriptionId}::uuid AND created_at >= ${new Date(request.since)} AND state = ANY(${states})`;
}

/** A removed subscription's alerts that have not gone out never will: they are cancelled (and kept). */
export async function cancelIfRemoved(tx: Prisma.TransactionClient, change: SubscriptionStatusChanged): Promise<number> {
  if (change.status !== 'removed') return 0;
  return tx.$executeRaw`
    UPDATE alert_queue SET state = 'cancelled', lease_owner = NULL, lease_expires_at = NULL
    WHERE subscription_id = ${change.subscriptionId}::uuid AND state IN ('pending', 'in-digest')`;
}
