import { Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { correlationIdFrom, ZodValidationPipe } from '@briefwatch/service-kit';
import { RegisterSourceCommand, type SourceRegistration } from './register-source.command.js';
import { registerSourceInputSchema, type RegisterSourceInput } from './register-source.input.js';

@Controller('sources')
export class RegisterSourceHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  /** 202: the source is recorded; it appears under GET /sources/:id once projected. */
  @Post()
  @HttpCode(202)
  async register(
    @Body(new ZodValidationPipe(registerSourceInputSchema)) input: RegisterSourceInput,
    @Headers('x-correlation-id') correlationHeader: string | undefined,
    @Res({ passthrough: true }) response: { setHeader(name: string, value: string): void },
  ): Promise<SourceRegistration> {
    const registration = await this.commandBus.execute(new RegisterSourceCommand(input, correlationIdFrom(correlationHeader)));
    response.setHeader('Location', `/sources/${registration.sourceId}`);
    return registration;
  }
}
