import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ChangeSourceStatusHandler } from './commands/change-source-status/change-source-status.handler.js';
import { ChangeSourceStatusHttpController } from './commands/change-source-status/change-source-status.http.controller.js';
import { ImportOpmlHandler } from './commands/import-opml/import-opml.handler.js';
import { ImportOpmlHttpController } from './commands/import-opml/import-opml.http.controller.js';
import { RegisterSourceHandler } from './commands/register-source/register-source.handler.js';
import { RegisterSourceHttpController } from './commands/register-source/register-source.http.controller.js';
import { SeedSourcesHandler } from './commands/seed-sources/seed-sources.handler.js';
import { GetSourceHandler } from './queries/get-source/get-source.handler.js';
import { ListSourcesHandler } from './queries/list-sources/list-sources.handler.js';
import { SourcePollsHandler } from './queries/source-polls/source-polls.handler.js';
import { SourcesHttpController } from './queries/sources.http.controller.js';

/** The source registry's commands and queries, for any entry point (HTTP, CLI). */
@Module({
  imports: [CqrsModule],
  providers: [RegisterSourceHandler, ChangeSourceStatusHandler, SeedSourcesHandler, ImportOpmlHandler, GetSourceHandler, ListSourcesHandler, SourcePollsHandler],
})
export class SourceRegistryModule {}

/** The same use cases, reachable over HTTP. */
@Module({
  imports: [SourceRegistryModule],
  controllers: [RegisterSourceHttpController, ChangeSourceStatusHttpController, ImportOpmlHttpController, SourcesHttpController],
})
export class SourceRegistryHttpModule {}
