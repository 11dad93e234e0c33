import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ImportBriefHandler } from './commands/import-brief/import-brief.handler.js';
import { BriefsHttpController } from './queries/briefs.http.controller.js';
import { GetBriefHandler } from './queries/get-brief/get-brief.handler.js';

/** Importing briefs and reading them back, for any entry point. */
@Module({
  imports: [CqrsModule],
  providers: [ImportBriefHandler, GetBriefHandler],
})
export class BriefModule {}

/** The same use cases over HTTP. */
@Module({
  imports: [BriefModule],
  controllers: [BriefsHttpController],
})
export class BriefHttpModule {}
