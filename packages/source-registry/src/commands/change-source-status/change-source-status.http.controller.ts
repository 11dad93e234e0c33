import { Body, Controller, Delete, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { correlationIdFrom, ZodValidationPipe } from '@briefwatch/service-kit';
import { ChangeSourceStatusCommand } from './change-source-status.command.js';

const sourceIdPipe = new ZodValidationPipe(z.uuid());
const pauseBody = z.strictObject({ reason: z.string().trim().min(1).max(500).optional() });

@Controller('sources')
export class ChangeSourceStatusHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/pause')
  @HttpCode(202)
  pause(@Param('id', sourceIdPipe) id: string, @Body(new ZodValidationPipe(pauseBody)) body: z.infer<typeof pauseBody>, @Headers('x-correlation-id') correlation?: string) {
    return this.commandBus.execute(new ChangeSourceStatusCommand(id, 'pause', body.reason ?? null, correlationIdFrom(correlation)));
  }

  @Post(':id/resume')
  @HttpCode(202)
  resume(@Param('id', sourceIdPipe) id: string, @Headers('x-correlation-id') correlation?: string) {
    return this.commandBus.execute(new ChangeSourceStatusCommand(id, 'resume', null, correlationIdFrom(correlation)));
  }

  @Delete(':id')
  @HttpCode(202)
  remove(@Param('id', sourceIdPipe) id: string, @Headers('x-correlation-id') correlation?: string) {
    return this.commandBus.execute(new ChangeSourceStatusCommand(id, 'remove', null, correlationIdFrom(correlation)));
  }
}
