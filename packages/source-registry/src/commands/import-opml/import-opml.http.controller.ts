import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { correlationIdFrom, ProblemError } from '@briefwatch/service-kit';
import { ImportOpmlCommand, type OpmlImport } from './import-opml.command.js';

@Controller('sources')
export class ImportOpmlHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  /** Send the OPML document as the body (Content-Type text/x-opml or application/xml). */
  @Post('opml')
  @HttpCode(200)
  import(@Body() body: unknown, @Headers('x-correlation-id') correlation?: string): Promise<OpmlImport> {
    if (typeof body !== 'string' || body.length === 0) throw new ProblemError('OPML.INVALID', 'send the OPML document as the body, with Content-Type text/x-opml or application/xml');
    return this.commandBus.execute(new ImportOpmlCommand(body, correlationIdFrom(correlation)));
  }
}
