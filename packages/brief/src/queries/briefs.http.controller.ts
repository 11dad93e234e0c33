import { Controller, Get, Inject, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { z } from 'zod';
import type { PrismaClient } from '@briefwatch/db';
import { PRISMA, ZodValidationPipe } from '@briefwatch/service-kit';
import type { BriefView } from './get-brief/brief-view.js';
import { GetBriefQuery } from './get-brief/get-brief.query.js';

@Controller('briefs')
export class BriefsHttpController {
  constructor(
    private readonly queryBus: QueryBus,
    @Inject(PRISMA) private readonly prisma: PrismaClient,
  ) {}

  /** Every brief imported, newest first, with how many topics and claims it tracks. */
  @Get()
  async list() {
    const [briefs, topics, claims] = await Promise.all([
      this.prisma.brief.findMany({ orderBy: { importedAt: 'desc' } }),
      this.prisma.briefTopic.groupBy({ by: ['briefId'], where: { withdrawnAt: null }, _count: true }),
      this.prisma.briefClaim.groupBy({ by: ['briefId'], where: { withdrawnAt: null }, _count: true }),
    ]);
    const count = (rows: Array<{ briefId: string; _count: number }>, id: string) => rows.find((r) => r.briefId === id)?._count ?? 0;
    return { items: briefs.map((b) => ({ id: b.id, title: b.title, version: b.version, importedAt: b.importedAt.toISOString(), topics: count(topics, b.id), claims: count(claims, b.id) })) };
  }

  /** A brief's topics, claims (nested), citations and tracking profiles, as of its latest version. */
  @Get(':briefId')
  get(@Param('briefId', new ZodValidationPipe(z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/))) briefId: string): Promise<BriefView> {
    return this.queryBus.execute(new GetBriefQuery(briefId));
  }
}
