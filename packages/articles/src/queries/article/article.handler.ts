import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { PrismaClient } from '@briefwatch/db';
import { PRISMA, ProblemError } from '@briefwatch/service-kit';
import { ArticleQuery, type ArticleView } from './article.query.js';

@QueryHandler(ArticleQuery)
export class ArticleHandler implements IQueryHandler<ArticleQuery> {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async execute({ articleId }: ArticleQuery): Promise<ArticleView> {
    const article = await this.prisma.article.findUnique({ where: { id: articleId } });
    if (!article) throw new ProblemError('ARTICLE.NOT_FOUND', `no article ${articleId}`);
    const [revisions, sources, links] = await Promise.all([
      this.prisma.articleRevision.findMany({ where: { articleId }, orderBy: { revision: 'asc' } }),
      this.prisma.articleSource.findMany({ where: { articleId }, orderBy: { firstSeenAt: 'asc' } }),
      this.prisma.coverageLink.findMany({ where: { articleId }, orderBy: [{ topicId: 'asc' }, { claimKey: 'asc' }] }),
    ]);
    const rawHashes = revisions.map((r) => r.rawHash).filter((hash): hash is string => hash !== null);
    const polls = await this.prisma.sourcePoll.findMany({ where: { rawHash: { in: rawHashes } }, orderBy: { polledAt: 'asc' } });
    const pollOf = (sourceId: string, rawHash: string | null) => polls.find((p) => p.rawHash === rawHash && p.sourceId === sourceId) ?? null;
    return {
      id: article.id,
      title: article.title,
      link: article.canonicalUrl ?? article.link,
      published: article.published?.toISOString() ?? null,
      revision: article.revision,
      firstSeenAt: article.firstSeenAt.toISOString(),
      sources: sources.map((s) => ({ sourceId: s.sourceId, feedUrl: s.feedUrl, guid: s.guid, firstSeenAt: s.firstSeenAt.toISOString() })),
      revisions: revisions.map((r) => {
        const poll = pollOf(r.sourceId, r.rawHash);
        return {
          revision: r.revision,
          title: r.title,
          summary: r.summary,
          published: r.published?.toISOString() ?? null,
          updated: r.updated?.toISOString() ?? null,
          contentHash: r.contentHash,
          provenance: {
            sourceId: r.sourceId,
            feedUrl: r.feedUrl,
            guid: r.guid,
            fetchedAt: r.fetchedAt.toISOString(),
            rawHash: r.rawHash,
            poll: poll ? { polledAt: poll.polledAt.toISOString(), status: poll.status, finalUrl: poll.finalUrl, etag: poll.etag, lastModified: poll.lastModified } : null,
          },
        };
      }),
      links: links.map((l) => ({ briefId: l.briefId, topicId: l.topicId, claimId: l.claimKey || null, score: l.score, linkedAt: l.linkedAt.toISOString(), retractedAt: l.retractedAt?.toISOString() ?? null })),
    };
  }
}
