import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { PrismaClient } from '@briefwatch/db';
import { PRISMA } from '@briefwatch/service-kit';
import { DevelopmentsQuery, type Development, type DevelopmentsPage, type LinkedArticle } from './developments.query.js';
import { groupNearDuplicates } from './near-duplicates.js';
import { decodeCursor, encodeCursor, isAfterCursor } from './timeline-cursor.js';
import { currentLinks, linksAsOf, type TimelineLink } from './timeline-links.js';

interface ArticleAsShown {
  title: string;
  link: string | null;
  published: Date | null;
  revision: number;
}

@QueryHandler(DevelopmentsQuery)
export class DevelopmentsHandler implements IQueryHandler<DevelopmentsQuery> {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async execute({ briefId, topicId, claimId, input }: DevelopmentsQuery): Promise<DevelopmentsPage> {
    const asOf = input.asOf ? new Date(input.asOf) : null;
    const target = { briefId, topicId, claimId };
    const links = asOf ? await linksAsOf(this.prisma, target, asOf, input.includeRetracted) : await currentLinks(this.prisma, target, input.includeRetracted);
    const articleIds = links.map((l) => l.articleId);
    const [articles, sources] = await Promise.all([this.articlesAsShown(articleIds, asOf), this.prisma.articleSource.findMany({ where: { articleId: { in: articleIds }, ...(asOf ? { firstSeenAt: { lte: asOf } } : {}) } })]);
    const items = links
      .filter((link) => articles.has(link.articleId))
      .map((link) => this.linkedArticle(link, articles.get(link.articleId)!, sources))
      .filter((item) => {
        const at = timeOf(item);
        return (!input.since || at >= input.since) && (!input.until || at < input.until);
      })
      .sort((a, b) => timeOf(b).localeCompare(timeOf(a)) || b.article.id.localeCompare(a.article.id));
    const developments: Development[] = groupNearDuplicates(items, (i) => i.article.title, (i) => Date.parse(timeOf(i))).map(([first, ...rest]) => ({ ...first!, alsoReportedBy: rest }));
    const after = input.cursor ? decodeCursor(input.cursor) : null;
    const remaining = after ? developments.filter((d) => isAfterCursor({ time: timeOf(d), id: d.article.id }, after)) : developments;
    const page = remaining.slice(0, input.limit);
    const last = page.at(-1);
    return { items: page, nextCursor: remaining.length > input.limit && last ? encodeCursor({ time: timeOf(last), id: last.article.id }) : null, asOf: asOf?.toISOString() ?? null };
  }

  /** Each article as it read then (the latest revision fetched by `asOf`), or as it reads now. */
  private async articlesAsShown(ids: string[], asOf: Date | null): Promise<Map<string, ArticleAsShown>> {
    if (!asOf) {
      const rows = await this.prisma.article.findMany({ where: { id: { in: ids } } });
      return new Map(rows.map((a) => [a.id, { title: a.title, link: a.canonicalUrl ?? a.link, published: a.published, revision: a.revision }]));
    }
    const revisions = await this.prisma.articleRevision.findMany({ where: { articleId: { in: ids }, fetchedAt: { lte: asOf } }, orderBy: { revision: 'asc' } });
    const links = await this.prisma.article.findMany({ where: { id: { in: ids } }, select: { id: true, canonicalUrl: true, link: true } });
    const urls = new Map(links.map((a) => [a.id, a.canonicalUrl ?? a.link]));
    return new Map(revisions.map((r) => [r.articleId, { title: r.title, link: urls.get(r.articleId) ?? null, published: r.published, revision: r.revision }]));
  }

  private linkedArticle(link: TimelineLink, article: ArticleAsShown, sources: Array<{ articleId: string; sourceId: string; feedUrl: string }>): LinkedArticle {
    return {
      article: {
        id: link.articleId,
        title: article.title,
        link: article.link,
        published: article.published?.toISOString() ?? null,
        revision: article.revision,
        sources: sources.filter((s) => s.articleId === link.articleId).map((s) => ({ sourceId: s.sourceId, feedUrl: s.feedUrl })),
      },
      score: link.score,
      why: link.evidence,
      linkedAt: link.linkedAt.toISOString(),
      retracted: link.retractedAt ? { at: link.retractedAt.toISOString(), reason: link.retractReason } : null,
    };
  }
}

/** Where a development sits on the timeline: when it was published, or linked if undated. */
function timeOf(item: LinkedArticle): string {
  return item.article.published ?? item.linkedAt;
}
