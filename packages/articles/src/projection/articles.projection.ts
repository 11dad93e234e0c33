import type { ArticleContent, ArticleRevised, ArticleSeenElsewhere, EventEnvelope, StreamCategory } from '@briefwatch/contracts';
import type { Prisma } from '@briefwatch/db';

type Tx = Prisma.TransactionClient;

function revisionRow(content: ArticleContent, revision: number) {
  return {
    articleId: content.articleId,
    revision,
    sourceId: content.sourceId,
    feedUrl: content.feedUrl,
    guid: content.guid,
    title: content.title,
    summary: content.summary,
    content: content.content,
    authors: content.authors,
    categories: content.categories,
    media: content.media as Prisma.InputJsonValue,
    published: content.published ? new Date(content.published) : null,
    updated: content.updated ? new Date(content.updated) : null,
    contentHash: content.contentHash,
    rawHash: content.rawHash,
    fetchedAt: new Date(content.fetchedAt),
  };
}

function latest(content: ArticleContent, revision: number) {
  return {
    canonicalUrl: content.canonicalUrl,
    link: content.link,
    title: content.title,
    summary: content.summary,
    published: content.published ? new Date(content.published) : null,
    updated: content.updated ? new Date(content.updated) : null,
    revision,
    contentHash: content.contentHash,
    lastChangedAt: new Date(content.fetchedAt),
  };
}

/** Keeps `articles` (latest revision), `article_revisions` (all of them) and `article_sources`. */
export const articlesProjection = {
  name: 'articles',
  categories: ['article'] as StreamCategory[],
  tables: ['articles', 'article_revisions', 'article_sources'],
  async apply(tx: Tx, event: EventEnvelope): Promise<void> {
    switch (event.type) {
      case 'ArticleDiscovered': {
        const content = event.data as ArticleContent;
        await tx.article.upsert({
          where: { id: content.articleId },
          create: { id: content.articleId, ...latest(content, 1), firstSourceId: content.sourceId, firstSeenAt: new Date(content.fetchedAt) },
          update: {},
        });
        await tx.articleRevision.upsert({ where: { articleId_revision: { articleId: content.articleId, revision: 1 } }, create: revisionRow(content, 1), update: {} });
        await tx.articleSource.upsert({
          where: { articleId_sourceId: { articleId: content.articleId, sourceId: content.sourceId } },
          create: { articleId: content.articleId, sourceId: content.sourceId, feedUrl: content.feedUrl, guid: content.guid, firstSeenAt: new Date(content.fetchedAt) },
          update: {},
        });
        return;
      }
      case 'ArticleRevised': {
        const revised = event.data as ArticleRevised;
        await tx.articleRevision.upsert({ where: { articleId_revision: { articleId: revised.articleId, revision: revised.revision } }, create: revisionRow(revised, revised.revision), update: {} });
        await tx.article.updateMany({ where: { id: revised.articleId, revision: { lt: revised.revision } }, data: latest(revised, revised.revision) });
        return;
      }
      case 'ArticleSeenElsewhere': {
        const seen = event.data as ArticleSeenElsewhere;
        await tx.articleSource.upsert({
          where: { articleId_sourceId: { articleId: seen.articleId, sourceId: seen.sourceId } },
          create: { articleId: seen.articleId, sourceId: seen.sourceId, feedUrl: seen.feedUrl, guid: seen.guid, firstSeenAt: new Date(seen.seenAt) },
          update: {},
        });
        return;
      }
      default:
        return;
    }
  },
};
