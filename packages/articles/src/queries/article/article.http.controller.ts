import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { ZodValidationPipe } from '@briefwatch/service-kit';
import { ArticleQuery } from './article.query.js';

@Controller('articles')
export class ArticleHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  /** An article with every revision and its provenance (source, feed, fetched at, HTTP validators, raw response hash). */
  @Get(':id')
  get(@Param('id', new ZodValidationPipe(z.uuid())) id: string) {
    return this.queryBus.execute(new ArticleQuery(id));
  }
}
