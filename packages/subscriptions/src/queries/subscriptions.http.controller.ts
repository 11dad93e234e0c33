import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { z } from 'zod';
import type { PrismaClient } from '@briefwatch/db';
import { KeyHolder, PRISMA, ZodValidationPipe } from '@briefwatch/service-kit';
import { alertsQuerySchema, getSubscription, listSubscriptions, subscriptionAlerts, type AlertsQuery } from './subscription-queries.js';

const idPipe = new ZodValidationPipe(z.uuid());

@Controller('subscriptions')
export class SubscriptionsHttpController {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  /** Webhook URLs whole for key holders; to anyone else only their host (a chat webhook's URL is its credential). */
  @Get()
  async list(@KeyHolder() keyHolder: boolean) {
    return { items: await listSubscriptions(this.prisma, { revealUrl: keyHolder }) };
  }

  @Get(':id')
  get(@Param('id', idPipe) id: string, @KeyHolder() keyHolder: boolean) {
    return getSubscription(this.prisma, id, { revealUrl: keyHolder });
  }

  /** `?state=failed&limit=20`: newest first, each alert with its delivery attempts. */
  @Get(':id/alerts')
  alerts(@Param('id', idPipe) id: string, @Query(new ZodValidationPipe(alertsQuerySchema)) query: AlertsQuery, @KeyHolder() keyHolder: boolean) {
    return subscriptionAlerts(this.prisma, id, query, { revealUrl: keyHolder });
  }
}
