import { Body, Controller, Delete, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { correlationIdFrom, ZodValidationPipe } from '@briefwatch/service-kit';
import { ChangeSubscriptionCommand, type SubscriptionChange } from './change-subscription.command.js';

const idPipe = new ZodValidationPipe(z.uuid());
export const replayInputSchema = z.strictObject({ since: z.iso.datetime({ offset: true }), includeDelivered: z.boolean().default(false) });

@Controller('subscriptions')
export class ChangeSubscriptionHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  private change(id: string, change: SubscriptionChange, correlation?: string) {
    return this.commandBus.execute(new ChangeSubscriptionCommand(id, change, correlationIdFrom(correlation)));
  }

  @Post(':id/pause')
  @HttpCode(202)
  pause(@Param('id', idPipe) id: string, @Headers('x-correlation-id') correlation?: string) {
    return this.change(id, { kind: 'status', status: 'paused' }, correlation);
  }

  @Post(':id/resume')
  @HttpCode(202)
  resume(@Param('id', idPipe) id: string, @Headers('x-correlation-id') correlation?: string) {
    return this.change(id, { kind: 'status', status: 'active' }, correlation);
  }

  @Delete(':id')
  @HttpCode(202)
  remove(@Param('id', idPipe) id: string, @Headers('x-correlation-id') correlation?: string) {
    return this.change(id, { kind: 'status', status: 'removed' }, correlation);
  }

  /** Sends again every alert queued since `since` that was not delivered (with `includeDelivered`, every one). */
  @Post(':id/replay')
  @HttpCode(202)
  replay(@Param('id', idPipe) id: string, @Body(new ZodValidationPipe(replayInputSchema)) body: z.infer<typeof replayInputSchema>, @Headers('x-correlation-id') correlation?: string) {
    return this.change(id, { kind: 'replay', since: new Date(body.since), includeDelivered: body.includeDelivered }, correlation);
  }

  /** A digest subscription's pending items, sent now instead of at the end of the period. */
  @Post(':id/digest')
  @HttpCode(202)
  digestNow(@Param('id', idPipe) id: string, @Headers('x-correlation-id') correlation?: string) {
    return this.change(id, { kind: 'digest-now' }, correlation);
  }
}
