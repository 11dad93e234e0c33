import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { RegisterSourceHandler } from './commands/register-source/register-source.handler.js';
import { RegisterSourceHttpController } from './commands/register-source/register-source.http.controller.js';
import { GetSourceHandler } from './queries/get-source/get-source.handler.js';
import { ListSourcesHandler } from './queries/list-sources/list-sources.handler.js';
import { SourcesHttpController } from './queries/sources.http.controller.js';

/** The source registry's commands and queries, for any entry point (HTTP, CLI). */
@Module({
  imports: [CqrsModule],
  providers: [RegisterSourceHandler, GetSourceHandler, ListSourcesHandler],
})
export class SourceRegistryModule {}

/** The same use cases, reachable over HTTP. */
@Module({
  imports: [SourceRegistryModule],
  controllers: [RegisterSourceHttpController, SourcesHttpController],
})
export class SourceRegistryHttpModule {}
