import { createHash, randomUUID } from 'node:crypto';
import { ArticleDiscoveredV1, streamIdOf, type ArticleContent, type EventEnvelope } from '@briefwatch/contracts';
import type { PrismaClient } from '@briefwatch/db';
import { appendToStreams } from '@briefwatch/event-store';
import { benchArticle, demoStories } from './corpus.js';

const SEED_CHUNK = 2_000;

/** The ArticleDiscovered data the ingestor would write for bench article `n`. */
export function discoveredArticle(n: number, sourceId: string, stories = demoStories()): ArticleContent {
  const article = benchArticle(n, stories);
  const url = `https://news.example.com/2020/06/story-${n}`;
  return {
    articleId: randomUUID(),
    sourceId,
    feedUrl: 'https://news.example.com/technology/rss',
    guid: `story-${n}`,
    link: url,
    canonicalUrl: url,
    title: article.title,
    summary: article.summary,
    content: article.html,
    authors: [`Reporter ${n % 17}`],
    categories: ['Technology'],
    media: [{ url: `https://cdn.example.com/img/${n}.jpg`, type: 'image/jpeg', medium: 'image' }],
    published: new Date(Date.UTC(2020, 5, 1) + n * 600_000).toISOString(),
    updated: null,
    contentHash: createHash('sha256').update(article.html).digest('hex'),
    rawHash: null,
    fetchedAt: new Date().toISOString(),
  };
}

/**
 * Writes `count` discovered articles into the store as the ingestor does (one new stream
 * each), thousands per transaction, before the clock starts; nothing is published until a
 * relay runs.
 */
export async function seedArticles(prisma: PrismaClient, count: number, onProgress?: (written: number) => void): Promise<void> {
  const sourceId = randomUUID();
  const stories = demoStories();
  for (let first = 0; first < count; first += SEED_CHUNK) {
    const appends = Array.from({ length: Math.min(SEED_CHUNK, count - first) }, (_, i) => {
      const data = discoveredArticle(first + i, sourceId, stories);
      return { streamId: streamIdOf('article', data.articleId), events: [{ type: ArticleDiscoveredV1.type, schemaVersion: 1, data }], expectedVersion: 0 as const, metadata: { correlationId: `bench-${first + i}`, causationId: null } };
    });
    await appendToStreams(prisma, appends);
    onProgress?.(first + appends.length);
  }
}

/** The same articles as stored events, for the broker's own limit (never stored). */
export function articleEnvelopes(count: number): EventEnvelope[] {
  const sourceId = randomUUID();
  const stories = demoStories();
  return Array.from({ length: count }, (_, n) => {
    const data = discoveredArticle(n, sourceId, stories);
    return {
      eventId: randomUUID(),
      streamId: streamIdOf('article', data.articleId),
      streamPosition: 1,
      globalPosition: n + 1,
      type: ArticleDiscoveredV1.type,
      schemaVersion: 1,
      data,
      metadata: { correlationId: `bench-${n}`, causationId: null },
      recordedAt: new Date().toISOString(),
    };
  });
}
