export { SubscriptionsHttpModule, SubscriptionsModule } from './subscriptions.module.js';
export { CreateSubscriptionCommand, type CreatedSubscription } from './commands/create-subscription/create-subscription.command.js';
export { createSubscriptionInputSchema, type CreateSubscriptionInput } from './commands/create-subscription/create-subscription.input.js';
export { subscriptionsProjection } from './projection/subscriptions.projection.js';
export { signWebhook, verifyWebhook, WEBHOOK_HEADERS } from './webhook-signature.js';
export { ChangeSubscriptionCommand, type SubscriptionChange } from './commands/change-subscription/change-subscription.command.js';
export { toSubscriptionView, type SubscriptionView } from './queries/subscription-view.js';
export { addSubscriptionCli, listSubscriptionsCli, subscriptionAlertsCli, SUBSCRIPTION_CHANGE_CLIS } from './subscriptions.cli.js';
