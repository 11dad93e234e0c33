import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ChangeSubscriptionHandler } from './commands/change-subscription/change-subscription.handler.js';
import { ChangeSubscriptionHttpController } from './commands/change-subscription/change-subscription.http.controller.js';
import { CreateSubscriptionHandler } from './commands/create-subscription/create-subscription.handler.js';
import { CreateSubscriptionHttpController } from './commands/create-subscription/create-subscription.http.controller.js';
import { RotateSecretHandler } from './commands/rotate-secret/rotate-secret.handler.js';
import { RotateSecretHttpController } from './commands/rotate-secret/rotate-secret.http.controller.js';
import { AlertsStreamHttpController } from './live/alerts-stream.http.controller.js';
import { SubscriptionsHttpController } from './queries/subscriptions.http.controller.js';

/** The subscription use cases, for the API and the CLI alike. */
@Module({
  imports: [CqrsModule],
  providers: [CreateSubscriptionHandler, ChangeSubscriptionHandler, RotateSecretHandler],
})
export class SubscriptionsModule {}

/** The use cases over HTTP, plus the live alert stream. */
@Module({
  imports: [SubscriptionsModule],
  controllers: [CreateSubscriptionHttpController, ChangeSubscriptionHttpController, RotateSecretHttpController, SubscriptionsHttpController, AlertsStreamHttpController],
})
export class SubscriptionsHttpModule {}
