import { Controller, Get, Header, Param, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { ZodValidationPipe } from '@briefwatch/service-kit';
import { toOpml } from '../opml/opml.js';
import { allSources } from './list-sources/all-sources.js';
import { SourcePollsQuery, sourcePollsInputSchema, type SourcePollsInput } from './source-polls/source-polls.query.js';
import type { SourceView } from '../source-view.js';
import { GetSourceQuery } from './get-source/get-source.query.js';
import { listSourcesInputSchema, ListSourcesQuery, type ListSourcesInput, type SourcePage } from './list-sources/list-sources.query.js';

@Controller('sources')
export class SourcesHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  list(@QueryParams(new ZodValidationPipe(listSourcesInputSchema)) input: ListSourcesInput): Promise<SourcePage> {
    return this.queryBus.execute(new ListSourcesQuery(input));
  }

  /** Every watched source as OPML 2.0, for any feed reader. */
  @Get('opml')
  @Header('content-type', 'text/x-opml; charset=utf-8')
  async opml(): Promise<string> {
    return toOpml(await allSources(this.queryBus));
  }

  @Get(':id')
  get(@Param('id', new ZodValidationPipe(z.uuid())) id: string): Promise<SourceView> {
    return this.queryBus.execute(new GetSourceQuery(id));
  }

  /** The source's poll timeline, newest first, for auditing what it published and when. */
  @Get(':id/polls')
  polls(@Param('id', new ZodValidationPipe(z.uuid())) id: string, @QueryParams(new ZodValidationPipe(sourcePollsInputSchema)) input: SourcePollsInput) {
    return this.queryBus.execute(new SourcePollsQuery(id, input));
  }
}
