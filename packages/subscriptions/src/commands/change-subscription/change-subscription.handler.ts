import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streamIdOf } from '@briefwatch/contracts';
import type { PrismaClient } from '@briefwatch/db';
import { decideAndAppend } from '@briefwatch/event-store';
import { PRISMA } from '@briefwatch/service-kit';
import { decideDigestNow, decideReplay, decideStatusChange, subscriptionModel } from '../../subscription.js';
import { ChangeSubscriptionCommand } from './change-subscription.command.js';

/** Pause, resume, remove, replay or send a digest now: each an event on the subscription's stream, which the alerter acts on. */
@CommandHandler(ChangeSubscriptionCommand)
export class ChangeSubscriptionHandler implements ICommandHandler<ChangeSubscriptionCommand> {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  execute({ subscriptionId, change, correlationId }: ChangeSubscriptionCommand) {
    const now = new Date();
    return decideAndAppend(
      this.prisma,
      streamIdOf('subscription', subscriptionId),
      subscriptionModel,
      (state) => {
        const events =
          change.kind === 'status'
            ? decideStatusChange(subscriptionId, change.status, now, state)
            : change.kind === 'replay'
              ? decideReplay(subscriptionId, change.since, change.includeDelivered, now, state)
              : decideDigestNow(subscriptionId, now, state);
        return { events, result: { subscriptionId, accepted: events.length > 0 } };
      },
      { correlationId, causationId: null },
    );
  }
}
