import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { ZodValidationPipe } from '@briefwatch/service-kit';
import type { BriefView } from './get-brief/brief-view.js';
import { GetBriefQuery } from './get-brief/get-brief.query.js';

@Controller('briefs')
export class BriefsHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  /** A brief's topics, claims (nested), citations and tracking profiles, as of its latest version. */
  @Get(':briefId')
  get(@Param('briefId', new ZodValidationPipe(z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/))) briefId: string): Promise<BriefView> {
    return this.queryBus.execute(new GetBriefQuery(briefId));
  }
}
