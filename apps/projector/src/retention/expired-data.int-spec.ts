import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@briefwatch/db/testing';
import { countExpired, pruneExpired } from './expired-data.js';

const now = new Date('2026-12-02T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
const policy = { inboxDays: 14, rawResponseDays: 30, quietPollDays: 90 };

describe('pruning what is past its retention', () => {
  let db: TestDatabase;
  const sourceId = randomUUID();

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  const inbox = (group: string, processedAt: Date) => db.prisma.processedEvent.create({ data: { consumerGroup: group, eventId: randomUUID(), processedAt } });
  const raw = (hash: string, fetchedAt: Date) => db.prisma.rawResponse.create({ data: { hash, body: Buffer.from(hash), contentType: 'application/rss+xml', bytes: hash.length, fetchedAt } });
  const poll = (polledAt: Date, fields: { itemsNew?: number; itemsRevised?: number; errorCode?: string; rawHash?: string } = {}) =>
    db.prisma.sourcePoll.create({
      data: {
        eventId: randomUUID(), sourceId, polledAt, status: fields.errorCode ? null : 200, notModified: false, durationMs: 40, bytes: 900,
        itemsSeen: 3, itemsNew: fields.itemsNew ?? 0, itemsRevised: fields.itemsRevised ?? 0, errorCode: fields.errorCode ?? null, rawHash: fields.rawHash ?? null, warnings: [],
      },
    });
  const revisionReadFrom = (rawHash: string) =>
    db.prisma.articleRevision.create({
      data: {
        articleId: randomUUID(), revision: 1, sourceId, feedUrl: 'https://outlet.example.net/feed.xml', guid: randomUUID(), title: 'A regulator opens an inquiry',
        summary: '', authors: [], categories: [], media: [], contentHash: 'c'.repeat(64), rawHash, fetchedAt: daysAgo(200),
      },
    });

  it('deletes, in batches, only what has expired, and keeps what is still provenance', async () => {
    // Inbox: two groups' old records go, recent ones stay.
    for (let i = 0; i < 5; i += 1) await inbox('projector.links', daysAgo(20 + i));
    await inbox('linker', daysAgo(15));
    await inbox('linker', daysAgo(13));
    await inbox('projector.links', daysAgo(1));
    // Raw bodies: an old one nothing refers to goes; one an article version was read from,
    // one a recent poll fetched again, and a recent one stay.
    await raw('old-unreferenced', daysAgo(40));
    await raw('old-read-by-a-version', daysAgo(200));
    await revisionReadFrom('old-read-by-a-version');
    await raw('old-fetched-again', daysAgo(60));
    await poll(daysAgo(2), { rawHash: 'old-fetched-again' });
    await raw('recent', daysAgo(3));
    // Polls: old quiet ones go; old ones that brought something or failed stay, as do recent quiet ones.
    await poll(daysAgo(120));
    await poll(daysAgo(100));
    await poll(daysAgo(120), { itemsNew: 2 });
    await poll(daysAgo(110), { itemsRevised: 1 });
    await poll(daysAgo(130), { errorCode: 'FEED.UNREACHABLE' });
    await poll(daysAgo(80));

    expect(await countExpired(db.prisma, policy, now)).toEqual({ inbox: 6, rawResponses: 1, quietPolls: 2 });
    expect(await pruneExpired(db.prisma, policy, now, 2)).toEqual({ inbox: 6, rawResponses: 1, quietPolls: 2 });

    const inboxAges = (await db.prisma.processedEvent.findMany()).map((row) => Math.round((now.getTime() - row.processedAt.getTime()) / 86_400_000)).sort((a, b) => a - b);
    expect(inboxAges).toEqual([1, 13]);
    expect((await db.prisma.rawResponse.findMany({ orderBy: { hash: 'asc' } })).map((row) => row.hash)).toEqual(['old-fetched-again', 'old-read-by-a-version', 'recent']);
    const polls = await db.prisma.sourcePoll.findMany({ orderBy: { polledAt: 'asc' } });
    expect(polls.map((p) => [Math.round((now.getTime() - p.polledAt.getTime()) / 86_400_000), p.itemsNew, p.itemsRevised, p.errorCode])).toEqual([
      [130, 0, 0, 'FEED.UNREACHABLE'],
      [120, 2, 0, null],
      [110, 0, 1, null],
      [80, 0, 0, null],
      [2, 0, 0, null],
    ]);
    expect(await countExpired(db.prisma, policy, now)).toEqual({ inbox: 0, rawResponses: 0, quietPolls: 0 });
  });

  it('keeps everything of a kind whose retention is 0', async () => {
    await inbox('alerter', daysAgo(400));
    await poll(daysAgo(400));
    const forever = { inboxDays: 0, rawResponseDays: 0, quietPollDays: 0 };
    expect(await countExpired(db.prisma, forever, now)).toEqual({ inbox: 0, rawResponses: 0, quietPolls: 0 });
    expect(await pruneExpired(db.prisma, forever, now)).toEqual({ inbox: 0, rawResponses: 0, quietPolls: 0 });
    expect(await db.prisma.processedEvent.count({ where: { consumerGroup: 'alerter' } })).toBe(1);
    expect(await pruneExpired(db.prisma, { ...forever, inboxDays: 365 }, now)).toEqual({ inbox: 1, rawResponses: 0, quietPolls: 0 });
  });
});
