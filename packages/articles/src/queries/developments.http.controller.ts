import { Controller, Get, Inject, Param, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { z } from 'zod';
import type { PrismaClient } from '@briefwatch/db';
import { PRISMA, ZodValidationPipe } from '@briefwatch/service-kit';
import { coverageMatrix } from './coverage-matrix.js';
import { DevelopmentsQuery, developmentsInputSchema, type DevelopmentsInput } from './developments.query.js';

const briefId = new ZodValidationPipe(z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/));
const topicId = new ZodValidationPipe(z.string().regex(/^t\d+$/));
export const matrixInputSchema = z.strictObject({ quietDays: z.coerce.number().int().min(1).max(3650).default(30) });
const claimId = new ZodValidationPipe(z.string().regex(/^t\d+\.c\d+(\.\d+)*$/));

@Controller('briefs/:briefId')
export class DevelopmentsHttpController {
  constructor(
    private readonly queryBus: QueryBus,
    @Inject(PRISMA) private readonly prisma: PrismaClient,
  ) {}

  /** Claims × sources: who followed up each claim, how often, how recently; claims quiet for `quietDays` (default 30) are flagged. */
  @Get('coverage-matrix')
  matrix(@Param('briefId', briefId) brief: string, @QueryParams(new ZodValidationPipe(matrixInputSchema)) input: z.infer<typeof matrixInputSchema>) {
    return coverageMatrix(this.prisma, brief, input.quietDays);
  }

  /** The claim's later developments: linked articles, newest first, with score, evidence and sources. */
  @Get('claims/:claimId/developments')
  claim(@Param('briefId', briefId) brief: string, @Param('claimId', claimId) claim: string, @QueryParams(new ZodValidationPipe(developmentsInputSchema)) input: DevelopmentsInput) {
    return this.queryBus.execute(new DevelopmentsQuery(brief, null, claim, input));
  }

  /** The topic's coverage: articles linked to the topic as a whole. */
  @Get('topics/:topicId/coverage')
  topic(@Param('briefId', briefId) brief: string, @Param('topicId', topicId) topic: string, @QueryParams(new ZodValidationPipe(developmentsInputSchema)) input: DevelopmentsInput) {
    return this.queryBus.execute(new DevelopmentsQuery(brief, topic, null, input));
  }
}
