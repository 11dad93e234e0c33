import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { z } from 'zod';
import type { PrismaClient } from '@briefwatch/db';
import { PRISMA, ProblemError, ZodValidationPipe } from '@briefwatch/service-kit';
import { toSubscriptionView } from './subscription-view.js';

const idPipe = new ZodValidationPipe(z.uuid());
const alertsQuery = z.strictObject({
  state: z.enum(['pending', 'delivered', 'failed', 'in-digest', 'digested', 'cancelled']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

@Controller('subscriptions')
export class SubscriptionsHttpController {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  /** Every subscription that was not removed, oldest first. */
  @Get()
  async list() {
    const rows = await this.prisma.subscription.findMany({ where: { status: { not: 'removed' } }, orderBy: { createdAt: 'asc' } });
    return { items: rows.map(toSubscriptionView) };
  }

  @Get(':id')
  async get(@Param('id', idPipe) id: string) {
    const row = await this.prisma.subscription.findUnique({ where: { id } });
    if (!row) throw new ProblemError('SUBSCRIPTION.NOT_FOUND', `no subscription ${id}`);
    return toSubscriptionView(row);
  }

  /** A subscription's alerts, newest first, each with every delivery attempt (status, latency, error). */
  @Get(':id/alerts')
  async alerts(@Param('id', idPipe) id: string, @Query(new ZodValidationPipe(alertsQuery)) query: z.infer<typeof alertsQuery>) {
    const subscription = await this.prisma.subscription.findUnique({ where: { id } });
    if (!subscription) throw new ProblemError('SUBSCRIPTION.NOT_FOUND', `no subscription ${id}`);
    const alerts = await this.prisma.alertQueue.findMany({ where: { subscriptionId: id, ...(query.state ? { state: query.state } : {}) }, orderBy: { createdAt: 'desc' }, take: query.limit });
    const attempts = await this.prisma.alertAttempt.findMany({ where: { alertId: { in: alerts.map((a) => a.alertId) } }, orderBy: { attempt: 'asc' } });
    const attemptsOf = new Map<string, typeof attempts>();
    for (const attempt of attempts) attemptsOf.set(attempt.alertId, [...(attemptsOf.get(attempt.alertId) ?? []), attempt]);
    return {
      subscription: toSubscriptionView(subscription),
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
}
