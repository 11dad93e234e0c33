import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { z } from 'zod';
import type { PrismaClient } from '@briefwatch/db';
import { KeyHolder, PRISMA, ZodValidationPipe } from '@briefwatch/service-kit';
import { alertsQuerySchema, getSubscription, listSubscriptions, subscriptionAlerts, type AlertsQuery } from './subscription-queries.js';
import { maskedView, type SubscriptionView } from './subscription-view.js';

/** Webhook URLs whole for key holders; to anyone else only their host (a chat webhook's URL is its credential). */
const shownTo = (keyHolder: boolean) => (view: SubscriptionView): SubscriptionView => (keyHolder ? view : maskedView(view));

const idPipe = new ZodValidationPipe(z.uuid());

@Controller('subscriptions')
export class SubscriptionsHttpController {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  @Get()
  async list(@KeyHolder() keyHolder: boolean) {
    return { items: (await listSubscriptions(this.prisma)).map(shownTo(keyHolder)) };
  }

  @Get(':id')
  async get(@Param('id', idPipe) id: string, @KeyHolder() keyHolder: boolean) {
    return shownTo(keyHolder)(await getSubscription(this.prisma, id));
  }

  /** `?state=failed&limit=20`: newest first, each alert with its delivery attempts. */
  @Get(':id/alerts')
  async alerts(@Param('id', idPipe) id: string, @Query(new ZodValidationPipe(alertsQuerySchema)) query: AlertsQuery, @KeyHolder() keyHolder: boolean) {
    const alerts = await subscriptionAlerts(this.prisma, id, query);
    return { ...alerts, subscription: shownTo(keyHolder)(alerts.subscription) };
  }
}
