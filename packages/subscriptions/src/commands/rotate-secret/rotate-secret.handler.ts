import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streamIdOf, type WebhookSecretRotated } from '@briefwatch/contracts';
import type { PrismaClient } from '@briefwatch/db';
import { decideAndAppend } from '@briefwatch/event-store';
import type { BriefwatchConfig } from '@briefwatch/config';
import { CONFIG, PRISMA } from '@briefwatch/service-kit';
import { newWebhookSecret, SecretBox } from '../../secret-box.js';
import { decideSecretRotation, subscriptionModel } from '../../subscription.js';
import { RotateSecretCommand, type RotatedSecret } from './rotate-secret.command.js';

/**
 * A new webhook secret for a subscription. The current one becomes the previous one and goes
 * on signing beside it until the overlap ends; one rotated before that is dropped, so at most
 * two secrets sign an alert. The event and the stored secrets commit together.
 */
@CommandHandler(RotateSecretCommand)
export class RotateSecretHandler implements ICommandHandler<RotateSecretCommand, RotatedSecret> {
  /** Seals secrets with the key from configuration before they are stored. */
  private readonly secrets: SecretBox;

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(CONFIG) config: BriefwatchConfig,
  ) {
    this.secrets = new SecretBox(config.alerts.secretsKey);
  }

  async execute({ subscriptionId, overlapHours, correlationId }: RotateSecretCommand): Promise<RotatedSecret> {
    const secret = newWebhookSecret();
    const { previousValidUntil } = await this.prisma.$transaction(async (tx) => {
      // Alerts append to the subscription's stream too: a rotation that meets one is decided again on what the stream now holds.
      const rotated = await decideAndAppend(
        tx,
        streamIdOf('subscription', subscriptionId),
        subscriptionModel,
        (state) => {
          const events = decideSecretRotation(subscriptionId, overlapHours, new Date(), state);
          return { events, result: events[0]!.data as WebhookSecretRotated };
        },
        { correlationId, causationId: null },
      );
      await tx.$executeRaw`
        UPDATE webhook_secrets
        SET previous_secret = secret, previous_valid_until = ${new Date(rotated.previousValidUntil)}, secret = ${this.secrets.seal(secret)}, rotated_at = ${new Date(rotated.rotatedAt)}
        WHERE subscription_id = ${subscriptionId}::uuid`;
      return rotated;
    });
    return { subscriptionId, secret, previousValidUntil };
  }
}
