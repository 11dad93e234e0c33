import { Command } from '@nestjs/cqrs';
import type { CreateSubscriptionInput } from './create-subscription.input.js';

export interface CreatedSubscription {
  subscriptionId: string;
  /** Shown once: what the receiver verifies signatures with. */
  secret: string;
}

export class CreateSubscriptionCommand extends Command<CreatedSubscription> {
  constructor(
    readonly input: CreateSubscriptionInput,
    readonly correlationId: string,
  ) {
    super();
  }
}
