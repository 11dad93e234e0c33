import { Command } from '@nestjs/cqrs';

export interface RotatedSecret {
  subscriptionId: string;
  /** Shown once: what the receiver verifies signatures with from now on. */
  secret: string;
  /** Until then alerts carry a signature by the previous secret too. */
  previousValidUntil: string;
}

export class RotateSecretCommand extends Command<RotatedSecret> {
  constructor(
    readonly subscriptionId: string,
    readonly overlapHours: number,
    readonly correlationId: string,
  ) {
    super();
  }
}
