import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { z } from 'zod';
import type { PrismaClient } from '@briefwatch/db';
import { PRISMA, ZodValidationPipe } from '@briefwatch/service-kit';
import { alertsQuerySchema, getSubscription, listSubscriptions, subscriptionAlerts, type AlertsQuery } from './subscription-queries.js';

const idPipe = new ZodValidationPipe(z.uuid());

@Controller('subscriptions')
export class SubscriptionsHttpController {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  @Get()
  async list() {
    return { items: await listSubscriptions(this.prisma) };
  }

  @Get(':id')
  get(@Param('id', idPipe) id: string) {
    return getSubscription(this.prisma, id);
  }

  /** `?state=failed&limit=20`: newest first, each alert with its delivery attempts. */
  @Get(':id/alerts')
  alerts(@Param('id', idPipe) id: string, @Query(new ZodValidationPipe(alertsQuerySchema)) query: AlertsQuery) {
    return subscriptionAlerts(this.prisma, id, query);
  }
}
