import { randomUUID } from 'node:crypto';
import { InvalidEventDataError, streamIdOf, type NewEvent } from '@briefwatch/contracts';
import { waitFor } from '@briefwatch/testing';
import { createTestDatabase, type TestDatabase } from '@briefwatch/db/testing';
import { ConcurrencyError } from './errors.js';
import { appendToStream, readStream, streamVersion } from './event-store.js';
import { readCommittedAfter, START_OF_STORE } from './committed-events.js';
import { applyOnce } from './inbox.js';
import { decideAndAppend } from './decide-and-append.js';
import { appendToStreams } from './append-many.js';
import { EventTooLargeError, MAX_EVENT_DATA_BYTES } from './event-size.js';

const metadata = { correlationId: 'test', causationId: null };

function registered(sourceId: string, title = 'Wired: AI'): NewEvent {
  return {
    type: 'SourceRegistered',
    schemaVersion: 1,
    data: { sourceId, feedUrl: `https://feeds.example.org/${sourceId}.xml`, title, publisher: 'Wired', kind: 'publisher', registeredAt: '2026-11-28T08:00:00.000Z' },
  };
}

describe('the Postgres event store', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db.drop();
  });

  it('decides again on what the stream now holds when another writer raced ahead', async () => {
    const id = randomUUID();
    const stream = streamIdOf('source', id);
    await appendToStream(db.prisma, stream, [registered(id)], { expectedVersion: 0, metadata });
    const seen: number[] = [];
    // Four commands at once, each deciding from the history it read: all succeed, none on stale state.
    const results = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        decideAndAppend(db.prisma, stream, { initial: () => 0, evolve: (count) => count + 1 }, (count) => {
          seen.push(count);
          return { events: [registered(id, `after ${count}`)], result: n };
        }, metadata),
      ),
    );
    expect(results).toEqual([1, 2, 3, 4]);
    const titles = (await readStream(db.prisma, stream)).map((e) => (e.data as { title: string }).title);
    expect(titles).toEqual(['Wired: AI', 'after 1', 'after 2', 'after 3', 'after 4']);
    expect(seen.length).toBeGreaterThanOrEqual(4);
  });

  it('appends events with consecutive stream positions and reads them back validated', async () => {
    const id = randomUUID();
    const stream = streamIdOf('source', id);
    const first = await appendToStream(db.prisma, stream, [registered(id)], { expectedVersion: 0, metadata });
    const second = await appendToStream(db.prisma, stream, [registered(id, 'two'), registered(id, 'three')], { expectedVersion: 1, metadata });

    expect(first.nextExpectedVersion).toBe(1);
    expect(second.nextExpectedVersion).toBe(3);
    expect(second.events.map((e) => e.streamPosition)).toEqual([2, 3]);
    const events = await readStream(db.prisma, stream);
    expect(events.map((e) => (e.data as { title: string }).title)).toEqual(['Wired: AI', 'two', 'three']);
    expect(events[0]!.metadata).toEqual(metadata);
    expect(await streamVersion(db.prisma, stream)).toBe(3);
  });

  it('lets exactly one of two concurrent appends to a new stream win; the other gets a concurrency error', async () => {
    const id = randomUUID();
    const stream = streamIdOf('source', id);
    const results = await Promise.allSettled([
      appendToStream(db.prisma, stream, [registered(id, 'writer A')], { expectedVersion: 0, metadata }),
      appendToStream(db.prisma, stream, [registered(id, 'writer B')], { expectedVersion: 0, metadata }),
    ]);

    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toBeInstanceOf(ConcurrencyError);
    expect(lost[0]!.reason).toMatchObject({ code: 'STREAM.CONCURRENCY_CONFLICT', streamId: stream, actualVersion: 1 });
    expect(await readStream(db.prisma, stream)).toHaveLength(1);
  });

  it('refuses a writer whose expected version is stale, and one that expects a version not reached yet', async () => {
    const id = randomUUID();
    const stream = streamIdOf('source', id);
    await appendToStream(db.prisma, stream, [registered(id), registered(id)], { expectedVersion: 0, metadata });
    await expect(appendToStream(db.prisma, stream, [registered(id)], { expectedVersion: 1, metadata })).rejects.toThrow(
      /is at version 2, but the writer expected version 1/,
    );
    await expect(appendToStream(db.prisma, stream, [registered(id)], { expectedVersion: 5, metadata })).rejects.toBeInstanceOf(ConcurrencyError);
    expect(await streamVersion(db.prisma, stream)).toBe(2);
  });

  it('stores nothing when an event breaks its contract', async () => {
    const id = randomUUID();
    const stream = streamIdOf('source', id);
    const broken: NewEvent = { ...registered(id), data: { sourceId: id } };
    await expect(appendToStream(db.prisma, stream, [registered(id), broken], { expectedVersion: 0, metadata })).rejects.toBeInstanceOf(
      InvalidEventDataError,
    );
    expect(await streamVersion(db.prisma, stream)).toBe(0);
  });

  it('refuses an event too big to publish, whichever way it is appended, and stores nothing of its batch', async () => {
    const articleId = randomUUID();
    const discovered = (content: string): NewEvent => ({
      type: 'ArticleDiscovered',
      schemaVersion: 1,
      data: {
        articleId, sourceId: randomUUID(), feedUrl: 'https://feeds.example.org/hearings.xml', guid: 'hearing-1', link: null, canonicalUrl: null,
        title: 'Hearing transcript', summary: 'The committee heard from model auditors.', content, authors: [], categories: [], media: [],
        published: null, updated: null, contentHash: 'a'.repeat(64), rawHash: null, fetchedAt: '2026-11-28T08:00:00.000Z',
      },
    });
    const stream = streamIdOf('article', articleId);
    // Korean text: three bytes a character, so a size counted in characters would let it through.
    const tooBig = discovered('<p>' + '감사 보고서 '.repeat(60_000) + '</p>');
    const error = await appendToStream(db.prisma, stream, [tooBig], { expectedVersion: 0, metadata }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EventTooLargeError);
    expect((error as EventTooLargeError).code).toBe('EVENT.TOO_LARGE');
    expect((error as Error).message).toMatch(/^a ArticleDiscovered event of \d+ KB is over the 768 KB an event may hold$/);
    const other = randomUUID();
    await expect(appendToStreams(db.prisma, [{ streamId: streamIdOf('source', other), events: [registered(other)], expectedVersion: 0, metadata }, { streamId: stream, events: [tooBig], expectedVersion: 0, metadata }])).rejects.toBeInstanceOf(EventTooLargeError);
    expect(await streamVersion(db.prisma, stream)).toBe(0);
    expect(await streamVersion(db.prisma, streamIdOf('source', other))).toBe(0);
    // Just under the limit is stored.
    await appendToStream(db.prisma, stream, [discovered('<p>' + 'a'.repeat(MAX_EVENT_DATA_BYTES - 2_000) + '</p>')], { expectedVersion: 0, metadata });
    expect(await streamVersion(db.prisma, stream)).toBe(1);
  });

  it('never lets a reader skip an event whose transaction commits after a later one', async () => {
    const before = await readCommittedAfter(db.prisma, START_OF_STORE, 10_000);
    const slowId = randomUUID();
    const fastId = randomUUID();
    let releaseSlow!: () => void;
    const slowMayCommit = new Promise<void>((resolve) => (releaseSlow = resolve));
    let slowAppended!: () => void;
    const slowHasAppended = new Promise<void>((resolve) => (slowAppended = resolve));

    const slow = db.prisma.$transaction(async (tx) => {
      await appendToStream(tx, streamIdOf('source', slowId), [registered(slowId, 'slow')], { expectedVersion: 0, metadata });
      slowAppended();
      await slowMayCommit;
    });
    await slowHasAppended;
    await appendToStream(db.prisma, streamIdOf('source', fastId), [registered(fastId, 'fast')], { expectedVersion: 0, metadata });

    const whileSlowIsOpen = await readCommittedAfter(db.prisma, before.checkpoint, 100);
    expect(whileSlowIsOpen.events).toHaveLength(0);

    releaseSlow();
    await slow;
    // Visibility waits for every older transaction on the server (other test files' too): wait for it.
    const afterCommit = await waitFor(() => readCommittedAfter(db.prisma, before.checkpoint, 100), (batch) => batch.events.length >= 2, { description: 'both events visible' });
    expect(afterCommit.events.map((e) => (e.data as { title: string }).title)).toEqual(['slow', 'fast']);
  });

  it('applies an event once per consumer group, however often it is delivered', async () => {
    const eventId = randomUUID();
    let effects = 0;
    const effect = async () => void (effects += 1);
    expect(await applyOnce(db.prisma, 'projector', eventId, effect)).toBe(true);
    expect(await applyOnce(db.prisma, 'projector', eventId, effect)).toBe(false);
    expect(await applyOnce(db.prisma, 'linker', eventId, effect)).toBe(true);
    expect(effects).toBe(2);
  });

  it('records nothing in the inbox when the effect fails, so the redelivery is applied', async () => {
    const eventId = randomUUID();
    await expect(applyOnce(db.prisma, 'projector', eventId, async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(await applyOnce(db.prisma, 'projector', eventId, async () => {})).toBe(true);
  });
});
