import { Controller, Get, Param, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { ZodValidationPipe } from '@briefwatch/service-kit';
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

  @Get(':id')
  get(@Param('id', new ZodValidationPipe(z.uuid())) id: string): Promise<SourceView> {
    return this.queryBus.execute(new GetSourceQuery(id));
  }
}
