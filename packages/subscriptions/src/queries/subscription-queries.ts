import { z } from 'zod';
import type { PrismaClient } from '@briefwatch/db';
import { ProblemError } from '@briefwatch/service-kit';
import { toSubscriptionView, type SubscriptionView } from './subscription-view.js';

/** Every subscription that was not removed, oldest first. */
export async function listSubscriptions(prisma: PrismaClient): Promise<SubscriptionView[]> {
  const rows = await prisma.subscription.findMany({ where: { status: { not: 'removed' } }, orderBy: { createdAt: 'asc' } });
  return rows.map(toSubscriptionView);
}

export async function getSubscription(prisma: PrismaClient, id: string): Promise<SubscriptionView> {
  const row = await prisma.subscription.findUnique({ where: { id } });
  if (!row) throw new ProblemError('SUBSCRIPTION.NOT_FOUND', `no subscription ${id}`);
  return toSubscriptionView(row);
}

export const ALERT_STATES = ['pending', 'delivered', 'failed', 'in-digest', 'digested', 'cancelled'] as const;
export const alertsQuerySchema = z.strictObject({
  state: z.enum(ALERT_STATES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AlertsQuery = z.infer<typeof alertsQuerySchema>;

/** A subscription's alerts, newest first, each with every delivery attempt (status, latency, error). */
export async function subscriptionAlerts(prisma: PrismaClient, id: string, query: AlertsQuery) {
  const subscription = await getSubscription(prisma, id);
  const alerts = await prisma.alertQueue.findMany({ where: { subscriptionId: id, ...(query.state ? { state: query.state } : {}) }, orderBy: { createdAt: 'desc' }, take: query.limit });
  const attempts = await prisma.alertAttempt.findMany({ where: { alertId: { in: alerts.map((a) => a.alertId) } }, orderBy: { attempt: 'asc' } });
  const attemptsOf = new Map<string, typeof attempts>();
  for (const attempt of attempts) attemptsOf.set(attempt.alertId, [...(attemptsOf.get(attempt.alertId) ?? []), attempt]);
  return {
    subscription,
    items: alerts.map((alert) => ({
      alertId: alert.alertId,
      kind: alert.kind,
      state: alert.state,
      createdAt: alert.createdAt.toISOString(),
      nextAttemptAt: alert.state === 'pending' ? alert.nextAttemptAt.toISOString() : null,
      digestId: alert.digestId,
      payload: alert.payload,
      attempts: (attemptsOf.get(alert.alertId) ?? []).map((a) => ({ attempt: a.attempt, at: a.attemptedAt.toISOString(), status: a.status, latencyMs: a.latencyMs, error: a.error })),
    })),
  };
}
