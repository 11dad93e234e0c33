import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { correlationIdFrom, ZodValidationPipe } from '@briefwatch/service-kit';
import { CreateSubscriptionCommand, type CreatedSubscription } from './create-subscription.command.js';
import { createSubscriptionInputSchema, type CreateSubscriptionInput } from './create-subscription.input.js';

@Controller('subscriptions')
export class CreateSubscriptionHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  /** 201 with the webhook secret, shown this once. */
  @Post()
  @HttpCode(201)
  create(@Body(new ZodValidationPipe(createSubscriptionInputSchema)) input: CreateSubscriptionInput, @Headers('x-correlation-id') correlation?: string): Promise<CreatedSubscription> {
    return this.commandBus.execute(new CreateSubscriptionCommand(input, correlationIdFrom(correlation)));
  }
}
