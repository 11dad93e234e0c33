import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SubscriptionCreatedV1, streamIdOf } from '@briefwatch/contracts';
import type { PrismaClient } from '@briefwatch/db';
import { appendToStream } from '@briefwatch/event-store';
import type { BriefwatchConfig } from '@briefwatch/config';
import { AllowList, checkTarget } from '@briefwatch/feeds';
import { CONFIG, PRISMA, ProblemError } from '@briefwatch/service-kit';
import { newWebhookSecret, SecretBox } from '../../secret-box.js';
import { CreateSubscriptionCommand, type CreatedSubscription } from './create-subscription.command.js';

@CommandHandler(CreateSubscriptionCommand)
export class CreateSubscriptionHandler implements ICommandHandler<CreateSubscriptionCommand, CreatedSubscription> {
  /** Seals secrets with the key from configuration before they are stored. */
  private readonly secrets: SecretBox;

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(CONFIG) private readonly config: BriefwatchConfig,
  ) {
    this.secrets = new SecretBox(config.alerts.secretsKey);
  }

  async execute({ input, correlationId }: CreateSubscriptionCommand): Promise<CreatedSubscription> {
    try {
      // What can be refused before any DNS lookup is refused now; the delivery guard checks the rest.
      checkTarget(new URL(input.webhookUrl), new AllowList(this.config.alerts.allow), (hostPort) => `WEBHOOK_ALLOW=${hostPort}`);
    } catch (error) {
      throw new ProblemError('SUBSCRIPTION.INVALID_WEBHOOK', `the webhook URL cannot be used: ${(error as Error).message}`);
    }
    const subscriptionId = randomUUID();
    const secret = newWebhookSecret();
    await this.prisma.$transaction(async (tx) => {
      // The secret and the event commit together: no subscription without its secret. It is stored sealed, never as it is shown once here.
      await tx.webhookSecret.create({ data: { subscriptionId, secret: this.secrets.seal(secret) } });
      await appendToStream(
        tx,
        streamIdOf('subscription', subscriptionId),
        [
          {
            type: SubscriptionCreatedV1.type,
            schemaVersion: 1,
            data: {
              subscriptionId,
              name: input.name,
              target: input.target,
              minScore: input.minScore,
              sourceIds: input.sourceIds,
              channel: input.digest ? { kind: 'digest', url: input.webhookUrl, every: input.digest } : { kind: 'webhook', url: input.webhookUrl },
              notify: input.notify,
              createdAt: new Date().toISOString(),
            },
          },
        ],
        { expectedVersion: 0, metadata: { correlationId, causationId: null } },
      );
    });
    return { subscriptionId, secret };
  }
}
