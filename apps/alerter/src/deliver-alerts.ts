import { AlertDeliveredV1, AlertFailedV1, streamIdOf } from '@briefwatch/contracts';
import type { PrismaClient } from '@briefwatch/db';
import { appendToStream } from '@briefwatch/event-store';
import { backoffDelay } from '@briefwatch/kafka';
import type { WebhookResult } from './post-webhook.js';

export interface LeasedAlert {
  alertId: string;
  subscriptionId: string;
  payload: unknown;
  attempts: number;
  /** Attempts made before the last replay. */
  attemptBase: number;
  url: string;
  /**
   * The secrets to sign with, as stored: sealed under WEBHOOK_SECRETS_KEY (see SecretBox),
   * opened only to sign. The current one, then the one it replaced while its overlap lasts.
   */
  secrets: string[];
}

/**
 * Leases alerts due for delivery (SKIP LOCKED, with expiry), with where to send them and the
 * secret to sign with. A paused subscription's alerts wait in the queue.
 */
export async function leaseDueAlerts(prisma: PrismaClient, owner: string, limit: number): Promise<LeasedAlert[]> {
  const rows = await prisma.$queryRaw<Array<{ alert_id: string; subscription_id: string; payload: unknown; attempts: number; attempt_base: number; channel_url: string; secret: string; previous_secret: string | null }>>`
    UPDATE alert_queue AS queue SET lease_owner = ${owner}, lease_expires_at = now() + interval '60 seconds'
    FROM subscriptions, webhook_secrets
    WHERE subscriptions.id = queue.subscription_id AND webhook_secrets.subscription_id = queue.subscription_id
      AND queue.alert_id IN (
        SELECT alert_id FROM alert_queue
        JOIN subscriptions AS active ON active.id = alert_queue.subscription_id AND active.status = 'active'
        WHERE state = 'pending' AND next_attempt_at <= now() AND (lease_expires_at IS NULL OR lease_expires_at < now())
        ORDER BY next_attempt_at LIMIT ${limit}
        FOR UPDATE OF alert_queue SKIP LOCKED)
    RETURNING queue.alert_id::text, queue.subscription_id::text, queue.payload, queue.attempts, queue.attempt_base, subscriptions.channel_url, webhook_secrets.secret,
      CASE WHEN webhook_secrets.previous_valid_until > now() THEN webhook_secrets.previous_secret END AS previous_secret`;
  return rows.map((row) => ({
    alertId: row.alert_id,
    subscriptionId: row.subscription_id,
    payload: row.payload,
    attempts: row.attempts,
    attemptBase: row.attempt_base,
    url: row.channel_url,
    secrets: row.previous_secret ? [row.secret, row.previous_secret] : [row.secret],
  }));
}

/** Puts a leased alert back, due in `delayMs`, without counting an attempt: its endpoint is at its rate limit. */
export async function postpone(prisma: PrismaClient, alert: LeasedAlert, delayMs: number): Promise<void> {
  await prisma.$executeRaw`
    UPDATE alert_queue SET next_attempt_at = now() + make_interval(secs => ${delayMs / 1000}), lease_owner = NULL, lease_expires_at = NULL
    WHERE alert_id = ${alert.alertId}::uuid`;
}

export interface RetryPolicy {
  maxAttempts: number;
  retryBaseMs: number;
}

/**
 * Records one delivery attempt with its outcome in one transaction: the attempt row; then
 * either AlertDelivered, or a retry after exponential backoff with jitter (never sooner than
 * a Retry-After the endpoint asked for), or, after the last attempt, AlertFailed (the alert
 * stays, failed, for a replay once the endpoint is fixed, and goes to the undeliverable topic).
 */
export async function recordAttempt(prisma: PrismaClient, alert: LeasedAlert, result: WebhookResult, policy: RetryPolicy): Promise<'delivered' | 'retry' | 'failed'> {
  const attempt = alert.attempts + 1;
  const delivered = result.status !== null && result.status >= 200 && result.status < 300;
  const outcome = delivered ? 'delivered' : attempt - alert.attemptBase >= policy.maxAttempts ? 'failed' : 'retry';
  const metadata = { correlationId: `alert:${alert.alertId}`, causationId: null };
  await prisma.$transaction(async (tx) => {
    await tx.alertAttempt.create({
      data: { alertId: alert.alertId, attempt, attemptedAt: new Date(), status: result.status, latencyMs: result.latencyMs, error: result.error ?? (delivered ? null : `HTTP ${result.status}`) },
    });
    const backoff = backoffDelay(attempt - alert.attemptBase, policy.retryBaseMs, 10 * 60_000);
    const nextAttemptAt = new Date(Date.now() + Math.max(backoff, Math.min(result.retryAfterSeconds ?? 0, 3600) * 1000));
    await tx.alertQueue.update({
      where: { alertId: alert.alertId },
      data: { attempts: attempt, state: outcome === 'retry' ? 'pending' : outcome, nextAttemptAt, leaseOwner: null, leaseExpiresAt: null },
    });
    if (outcome === 'delivered') {
      await appendToStream(tx, streamIdOf('subscription', alert.subscriptionId), [{ type: AlertDeliveredV1.type, schemaVersion: 1, data: { subscriptionId: alert.subscriptionId, alertId: alert.alertId, attempts: attempt, status: result.status!, latencyMs: result.latencyMs, deliveredAt: new Date().toISOString() } }], { expectedVersion: 'any', metadata });
    } else if (outcome === 'failed') {
      await appendToStream(tx, streamIdOf('subscription', alert.subscriptionId), [{ type: AlertFailedV1.type, schemaVersion: 1, data: { subscriptionId: alert.subscriptionId, alertId: alert.alertId, attempts: attempt, lastStatus: result.status, error: (result.error ?? `HTTP ${result.status}`).slice(0, 500), failedAt: new Date().toISOString() } }], { expectedVersion: 'any', metadata });
    }
  });
  return outcome;
}
