import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CreateSubscriptionHandler } from './commands/create-subscription/create-subscription.handler.js';
import { CreateSubscriptionHttpController } from './commands/create-subscription/create-subscription.http.controller.js';
import { AlertsStreamHttpController } from './live/alerts-stream.http.controller.js';
import { LiveAlerts } from './live/live-alerts.service.js';
import { SubscriptionAlertsHttpController } from './queries/subscription-alerts.http.controller.js';

@Module({
  imports: [CqrsModule],
  providers: [CreateSubscriptionHandler, LiveAlerts],
  controllers: [CreateSubscriptionHttpController, SubscriptionAlertsHttpController, AlertsStreamHttpController],
})
export class SubscriptionsHttpModule {}
