import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streamIdOf, type WebhookSecretRotated } from '@briefwatch/contracts';
import type { PrismaClient } from '@briefwatch/db';
import { appendToStream, readStream } from '@briefwatch/event-store';
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
    const streamId = streamIdOf('subscription', subscriptionId);
    const history = await readStream(this.prisma, streamId);
    const [rotated] = decideSecretRotation(subscriptionId, overlapHours, new Date(), history.reduce(subscriptionModel.evolve, subscriptionModel.initial()));
    const { rotatedAt, previousValidUntil } = rotated!.data as WebhookSecretRotated;
    const secret = newWebhookSecret();
    await this.prisma.$transaction(async (tx) => {
      // A conflicting change to the stream since it was read refuses the rotation (409), and the secrets stay as they were.
      await appendToStream(tx, streamId, [rotated!], { expectedVersion: history.length, metadata: { correlationId, causationId: null } });
      await tx.$executeRaw`
        UPDATE webhook_secrets
        SET previous_secret = secret, previous_valid_until = ${new Date(previousValidUntil)}, secret = ${this.secrets.seal(secret)}, rotated_at = ${new Date(rotatedAt)}
        WHERE subscription_id = ${subscriptionId}::uuid`;
    });
    return { subscriptionId, secret, previousValidUntil };
  }
}
