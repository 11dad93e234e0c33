import { randomUUID } from 'node:crypto';
import type { ArticleContent, CoverageLinked, EventEnvelope } from '@briefwatch/contracts';
import { createTestDatabase, type TestDatabase } from '@briefwatch/db/testing';
import { articlesProjection } from './articles.projection.js';
import { linksProjection } from './links.projection.js';

let position = 0;
const envelope = (type: string, data: unknown): EventEnvelope => ({
  eventId: randomUUID(),
  streamId: `x-${randomUUID()}`,
  streamPosition: 1,
  globalPosition: (position += 1),
  type,
  schemaVersion: 1,
  data,
  metadata: { correlationId: 'batch', causationId: null },
  recordedAt: '2026-11-28T08:00:00.000Z',
});

function content(n: number, articleId: string = randomUUID()): ArticleContent {
  return {
    articleId,
    sourceId: '00000000-0000-4000-8000-000000000001',
    feedUrl: 'https://news.example.org/feed.xml',
    guid: `g-${n}`,
    link: `https://news.example.org/${n}`,
    canonicalUrl: `https://news.example.org/${n}`,
    title: `Story ${n}`,
    summary: `Summary ${n}`,
    content: `<p>Body ${n}</p>`,
    authors: [`Reporter ${n}`, 'Desk'],
    categories: ['AI'],
    media: [{ url: `https://cdn.example.org/${n}.jpg`, type: 'image/jpeg', medium: 'image' }],
    published: '2020-06-24T10:00:00.000Z',
    updated: null,
    contentHash: `${n}`.padStart(64, '0'),
    rawHash: null,
    fetchedAt: '2026-11-28T08:00:00.000Z',
  };
}

function link(articleId: string, claimId: string | null, score: number, revision = 1): CoverageLinked {
  return { articleId, articleRevision: revision, briefId: 'b', topicId: 't2', claimId, score, evidence: [], matcherVersion: 'lexical-1', linkedAt: '2026-11-28T08:00:01.000Z' };
}

/** Every row of the tables, in a stable order: what two ways of applying must agree on. */
async function rows(db: TestDatabase, tables: string[]): Promise<unknown[]> {
  const all: unknown[] = [];
  for (const table of tables) all.push(await db.prisma.$queryRawUnsafe(`SELECT to_jsonb(t) - 'id' - 'created_at' - 'updated_at' AS row FROM ${table} t ORDER BY to_jsonb(t)::text`));
  return all;
}

describe('read models applied in batches', () => {
  let oneByOne: TestDatabase;
  let batched: TestDatabase;

  beforeAll(async () => {
    [oneByOne, batched] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  });

  afterAll(async () => {
    await Promise.all([oneByOne.drop(), batched.drop()]);
  });

  it('end with the same rows as applying each event in order', async () => {
    const [a, b] = [content(1), content(2)];
    const revisedA = { ...content(1, a.articleId), title: 'Story 1, revised', revision: 2, contentHash: 'f'.repeat(64) };
    const articleEvents = [
      envelope('ArticleDiscovered', a),
      envelope('ArticleDiscovered', b),
      envelope('ArticleDiscovered', a), // a redelivery: changes nothing
      envelope('ArticleRevised', revisedA),
      envelope('ArticleSeenElsewhere', { articleId: b.articleId, sourceId: '00000000-0000-4000-8000-000000000002', feedUrl: 'https://other.example.org/feed.xml', guid: 'o-2', seenAt: '2026-11-28T08:00:02.000Z', rawHash: null }),
      envelope('ArticleDiscovered', content(3)),
    ];
    const linkEvents = [
      envelope('CoverageLinked', link(a.articleId, null, 0.5)),
      envelope('CoverageLinked', link(a.articleId, 'c1', 0.4)),
      envelope('CoverageLinked', link(a.articleId, null, 0.7, 2)), // made again: the last one wins
      envelope('LinkRetracted', { articleId: a.articleId, articleRevision: 2, briefId: 'b', topicId: 't2', claimId: 'c1', reason: 'revision 2 no longer supports it', matcherVersion: 'lexical-1', retractedAt: '2026-11-28T08:00:03.000Z' }),
      envelope('CoverageLinked', link(a.articleId, 'c1', 0.45, 2)), // and linked again after the retraction
      envelope('CoverageLinked', link(b.articleId, null, 0.6)),
    ];
    await oneByOne.prisma.$transaction(async (tx) => {
      for (const event of articleEvents) await articlesProjection.apply(tx, event);
      for (const event of linkEvents) await linksProjection.apply(tx, event);
    });
    await batched.prisma.$transaction(async (tx) => {
      await articlesProjection.applyBatch(tx, articleEvents);
      await linksProjection.applyBatch(tx, linkEvents);
    });

    const tables = [...articlesProjection.tables, ...linksProjection.tables];
    const expected = await rows(oneByOne, tables);
    expect(await rows(batched, tables)).toEqual(expected);
    // And what they agree on is right: three articles, the revision kept, b seen in two places, the re-made links live.
    expect(await oneByOne.prisma.article.count()).toBe(3);
    expect((await oneByOne.prisma.article.findUnique({ where: { id: a.articleId } }))?.title).toBe('Story 1, revised');
    expect(await oneByOne.prisma.articleSource.count({ where: { articleId: b.articleId } })).toBe(2);
    const links = await batched.prisma.coverageLink.findMany({ where: { articleId: a.articleId }, orderBy: { claimKey: 'asc' } });
    expect(links.map((l) => [l.claimKey, l.score, l.retractedAt])).toEqual([['', 0.7, null], ['c1', 0.45, null]]);
  });
});
