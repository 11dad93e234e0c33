import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { correlationIdFrom, ZodValidationPipe } from '@briefwatch/service-kit';
import { RotateSecretCommand, type RotatedSecret } from './rotate-secret.command.js';
import { rotateSecretInputSchema, type RotateSecretInput } from './rotate-secret.input.js';

@Controller('subscriptions')
export class RotateSecretHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  /** 200 with the new webhook secret, shown this once; the previous one signs too until `previousValidUntil`. */
  @Post(':id/secret')
  @HttpCode(200)
  rotate(
    @Param('id', new ZodValidationPipe(z.uuid())) id: string,
    @Body(new ZodValidationPipe(rotateSecretInputSchema)) body: RotateSecretInput,
    @Headers('x-correlation-id') correlation?: string,
  ): Promise<RotatedSecret> {
    return this.commandBus.execute(new RotateSecretCommand(id, body.overlapHours, correlationIdFrom(correlation)));
  }
}
