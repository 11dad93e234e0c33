import { Controller, Get, Inject, Param } from '@nestjs/common';
import { z } from 'zod';
import type { PrismaClient } from '@briefwatch/db';
import { PRISMA, ProblemError, ZodValidationPipe } from '@briefwatch/service-kit';

@Controller('subscriptions')
export class SubscriptionAlertsHttpController {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  /** A subscription's alerts, newest first, each with every delivery attempt (status, latency, error). */
  @Get(':id/alerts')
  async alerts(@Param('id', new ZodValidationPipe(z.uuid())) id: string) {
    const subscription = await this.prisma.subscription.findUnique({ where: { id } });
    if (!subscription) throw new ProblemError('SUBSCRIPTION.NOT_FOUND', `no subscription ${id}`);
    const alerts = await this.prisma.alertQueue.findMany({ where: { subscriptionId: id }, orderBy: { createdAt: 'desc' }, take: 200 });
    const attempts = await this.prisma.alertAttempt.findMany({ where: { alertId: { in: alerts.map((a) => a.alertId) } }, orderBy: { attempt: 'asc' } });
    return {
      subscription: { id, name: subscription.name, failing: subscription.failing },
      items: alerts.map((alert) => ({
        alertId: alert.alertId,
        state: alert.state,
        payload: alert.payload,
        attempts: attempts.filter((a) => a.alertId === alert.alertId).map((a) => ({ attempt: a.attempt, at: a.attemptedAt.toISOString(), status: a.status, latencyMs: a.latencyMs, error: a.error })),
      })),
    };
  }
}
