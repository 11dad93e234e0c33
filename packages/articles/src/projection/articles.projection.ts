import type { ArticleContent, ArticleRevised, ArticleSeenElsewhere, EventEnvelope, StreamCategory } from '@briefwatch/contracts';
import type { Prisma } from '@briefwatch/db';

type Tx = Prisma.TransactionClient;

const at = (iso: string | null): Date | null => (iso ? new Date(iso) : null);

/**
 * One statement per row, `ON CONFLICT` doing what an upsert would: this read model takes an
 * event for every article version, and Prisma's upsert costs several round trips where this
 * costs one (measured: 14 ms an event before, about 4 after).
 */
function insertRevision(tx: Tx, content: ArticleContent, revision: number) {
  return tx.$executeRaw`
    INSERT INTO article_revisions (article_id, revision, source_id, feed_url, guid, title, summary, content, authors, categories, media, published, updated, content_hash, raw_hash, fetched_at)
    VALUES (${content.articleId}::uuid, ${revision}, ${content.sourceId}::uuid, ${content.feedUrl}, ${content.guid}, ${content.title}, ${content.summary}, ${content.content},
            ${content.authors}::text[], ${content.categories}::text[], ${JSON.stringify(content.media)}::jsonb, ${at(content.published)}::timestamptz, ${at(content.updated)}::timestamptz,
            ${content.contentHash}, ${content.rawHash}, ${new Date(content.fetchedAt)})
    ON CONFLICT (article_id, revision) DO NOTHING`;
}

function insertSource(tx: Tx, articleId: string, sourceId: string, feedUrl: string, guid: string, seenAt: string) {
  return tx.$executeRaw`
    INSERT INTO article_sources (article_id, source_id, feed_url, guid, first_seen_at)
    VALUES (${articleId}::uuid, ${sourceId}::uuid, ${feedUrl}, ${guid}, ${new Date(seenAt)})
    ON CONFLICT (article_id, source_id) DO NOTHING`;
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
        await tx.$executeRaw`
          INSERT INTO articles (id, canonical_url, link, title, summary, published, updated, revision, content_hash, first_source_id, first_seen_at, last_changed_at)
          VALUES (${content.articleId}::uuid, ${content.canonicalUrl}, ${content.link}, ${content.title}, ${content.summary}, ${at(content.published)}::timestamptz,
                  ${at(content.updated)}::timestamptz, 1, ${content.contentHash}, ${content.sourceId}::uuid, ${new Date(content.fetchedAt)}, ${new Date(content.fetchedAt)})
          ON CONFLICT (id) DO NOTHING`;
        await insertRevision(tx, content, 1);
        await insertSource(tx, content.articleId, content.sourceId, content.feedUrl, content.guid, content.fetchedAt);
        return;
      }
      case 'ArticleRevised': {
        const revised = event.data as ArticleRevised;
        await insertRevision(tx, revised, revised.revision);
        await tx.$executeRaw`
          UPDATE articles SET canonical_url = ${revised.canonicalUrl}, link = ${revised.link}, title = ${revised.title}, summary = ${revised.summary},
            published = ${at(revised.published)}::timestamptz, updated = ${at(revised.updated)}::timestamptz, revision = ${revised.revision},
            content_hash = ${revised.contentHash}, last_changed_at = ${new Date(revised.fetchedAt)}
          WHERE id = ${revised.articleId}::uuid AND revision < ${revised.revision}`;
        return;
      }
      case 'ArticleSeenElsewhere': {
        const seen = event.data as ArticleSeenElsewhere;
        await insertSource(tx, seen.articleId, seen.sourceId, seen.feedUrl, seen.guid, seen.seenAt);
        return;
      }
      default:
        return;
    }
  },
};
