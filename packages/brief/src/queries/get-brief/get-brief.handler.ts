import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { PrismaClient } from '@briefwatch/db';
import { PRISMA, ProblemError } from '@briefwatch/service-kit';
import { toBriefView, type BriefView } from './brief-view.js';
import { GetBriefQuery } from './get-brief.query.js';

@QueryHandler(GetBriefQuery)
export class GetBriefHandler implements IQueryHandler<GetBriefQuery, BriefView> {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async execute({ briefId }: GetBriefQuery): Promise<BriefView> {
    const brief = await this.prisma.brief.findUnique({ where: { id: briefId } });
    if (!brief) throw new ProblemError('BRIEF.NOT_FOUND', `no brief ${briefId} (a brief just imported appears once projected)`);
    const active = { briefId, withdrawnAt: null };
    const [topics, claims, citations] = await Promise.all([
      this.prisma.briefTopic.findMany({ where: active }),
      this.prisma.briefClaim.findMany({ where: active }),
      this.prisma.briefCitation.findMany({ where: active }),
    ]);
    return toBriefView(brief, topics, claims, citations);
  }
}
