import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { PrismaClient } from '@briefwatch/db';
import { PRISMA } from '@briefwatch/service-kit';
import { DevelopmentsQuery, type Development, type LinkedArticle } from './developments.query.js';
import { groupNearDuplicates } from './near-duplicates.js';

@QueryHandler(DevelopmentsQuery)
export class DevelopmentsHandler implements IQueryHandler<DevelopmentsQuery> {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async execute({ briefId, topicId, claimId, input }: DevelopmentsQuery): Promise<{ items: Development[] }> {
    const links = await this.prisma.coverageLink.findMany({
      where: { briefId, claimKey: claimId ?? '', ...(topicId ? { topicId } : {}), ...(input.includeRetracted ? {} : { retractedAt: null }) },
    });
    const articleIds = links.map((l) => l.articleId);
    const [articles, sources] = await Promise.all([
      this.prisma.article.findMany({ where: { id: { in: articleIds } } }),
      this.prisma.articleSource.findMany({ where: { articleId: { in: articleIds } } }),
    ]);
    const byId = new Map(articles.map((a) => [a.id, a]));
    const items = links
      .filter((link) => byId.has(link.articleId))
      .map((link): LinkedArticle => {
        const article = byId.get(link.articleId)!;
        return {
          article: {
            id: article.id,
            title: article.title,
            link: article.canonicalUrl ?? article.link,
            published: article.published?.toISOString() ?? null,
            revision: article.revision,
            sources: sources.filter((s) => s.articleId === article.id).map((s) => ({ sourceId: s.sourceId, feedUrl: s.feedUrl })),
          },
          score: link.score,
          why: link.evidence,
          linkedAt: link.linkedAt.toISOString(),
          retracted: link.retractedAt ? { at: link.retractedAt.toISOString(), reason: link.retractReason } : null,
        };
      })
      .sort((a, b) => (b.article.published ?? b.linkedAt).localeCompare(a.article.published ?? a.linkedAt));
    const developments: Development[] = groupNearDuplicates(items, (i) => i.article.title, (i) => Date.parse(i.article.published ?? i.linkedAt)).map(([first, ...rest]) => ({
      ...first!,
      alsoReportedBy: rest,
    }));
    return { items: developments.slice(0, input.limit) };
  }
}
