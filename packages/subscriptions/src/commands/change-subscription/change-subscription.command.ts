import { Command } from '@nestjs/cqrs';
import type { SubscriptionStatus } from '../../subscription.js';

/** What can be asked of an existing subscription. */
export type SubscriptionChange =
  | { kind: 'status'; status: SubscriptionStatus }
  | { kind: 'replay'; since: Date; includeDelivered: boolean }
  | { kind: 'digest-now' };

export class ChangeSubscriptionCommand extends Command<{ subscriptionId: string; accepted: boolean }> {
  constructor(
    readonly subscriptionId: string,
    readonly change: SubscriptionChange,
    readonly correlationId: string,
  ) {
    super();
  }
}
