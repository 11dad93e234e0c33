import { randomUUID } from 'node:crypto';
import { InvalidEventDataError, streamIdOf, type NewEvent } from '@briefwatch/contracts';
import { createTestDatabase, type TestDatabase } from '@briefwatch/db/testing';
import { appendToStreams, readStreams } from './append-many.js';
import { ConcurrencyError } from './errors.js';
import { appendToStream, readStream, streamVersion } from './event-store.js';
import { recordFirstDeliveries } from './inbox.js';

const metadata = { correlationId: 'batch', causationId: null };

function registered(sourceId: string, title = 'Wired: AI'): NewEvent {
  return {
    type: 'SourceRegistered',
    schemaVersion: 1,
    data: { sourceId, feedUrl: `https://feeds.example.org/${sourceId}.xml`, title, publisher: 'Wired', kind: 'publisher', registeredAt: '2026-11-28T08:00:00.000Z' },
  };
}

describe('appending to many streams at once', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db.drop();
  });

  it('appends to new, known and any-version streams in one go, each with consecutive positions', async () => {
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    await appendToStream(db.prisma, streamIdOf('source', b), [registered(b)], { expectedVersion: 0, metadata });
    const written = await appendToStreams(db.prisma, [
      { streamId: streamIdOf('source', a), events: [registered(a), registered(a, 'two')], expectedVersion: 0, metadata },
      { streamId: streamIdOf('source', b), events: [registered(b, 'second')], expectedVersion: 1, metadata: { correlationId: 'b', causationId: 'x' } },
      { streamId: streamIdOf('source', c), events: [registered(c)], expectedVersion: 'any', metadata },
    ]);
    expect(written).toBe(4);
    expect((await readStream(db.prisma, streamIdOf('source', a))).map((e) => [e.streamPosition, (e.data as { title: string }).title])).toEqual([[1, 'Wired: AI'], [2, 'two']]);
    const streamB = await readStream(db.prisma, streamIdOf('source', b));
    expect(streamB.map((e) => e.streamPosition)).toEqual([1, 2]);
    expect(streamB[1]!.metadata).toEqual({ correlationId: 'b', causationId: 'x' });
    expect(await streamVersion(db.prisma, streamIdOf('source', c))).toBe(1);
  });

  it('writes nothing of the batch when one stream has moved on, and names that stream', async () => {
    const [fresh, moved] = [randomUUID(), randomUUID()];
    await appendToStream(db.prisma, streamIdOf('source', moved), [registered(moved), registered(moved)], { expectedVersion: 0, metadata });
    const attempt = appendToStreams(db.prisma, [
      { streamId: streamIdOf('source', fresh), events: [registered(fresh)], expectedVersion: 0, metadata },
      { streamId: streamIdOf('source', moved), events: [registered(moved)], expectedVersion: 1, metadata },
    ]);
    await expect(attempt).rejects.toThrow(ConcurrencyError);
    await expect(attempt).rejects.toMatchObject({ streamId: streamIdOf('source', moved), actualVersion: 2 });
    expect(await streamVersion(db.prisma, streamIdOf('source', fresh))).toBe(0);
  });

  it('refuses data that breaks its contract before writing anything', async () => {
    const id = randomUUID();
    const broken = { type: 'SourceRegistered', schemaVersion: 1, data: { sourceId: id, feedUrl: 'not a url' } };
    await expect(appendToStreams(db.prisma, [{ streamId: streamIdOf('source', id), events: [broken], expectedVersion: 0, metadata }])).rejects.toThrow(InvalidEventDataError);
    expect(await streamVersion(db.prisma, streamIdOf('source', id))).toBe(0);
  });

  it('reads many streams in one query, oldest first, an unknown one as empty', async () => {
    const [a, b, none] = [randomUUID(), randomUUID(), randomUUID()];
    await appendToStreams(db.prisma, [
      { streamId: streamIdOf('source', a), events: [registered(a, '1'), registered(a, '2')], expectedVersion: 0, metadata },
      { streamId: streamIdOf('source', b), events: [registered(b, '3')], expectedVersion: 0, metadata },
    ]);
    const streams = await readStreams(db.prisma, [streamIdOf('source', a), streamIdOf('source', b), streamIdOf('source', none)]);
    expect(streams.get(streamIdOf('source', a))!.map((e) => (e.data as { title: string }).title)).toEqual(['1', '2']);
    expect(streams.get(streamIdOf('source', b))).toHaveLength(1);
    expect(streams.get(streamIdOf('source', none))).toEqual([]);
  });

  it('records a batch of deliveries and answers only those seen for the first time', async () => {
    const [seen, fresh] = [randomUUID(), randomUUID()];
    const first = await db.prisma.$transaction((tx) => recordFirstDeliveries(tx, 'batch-group', [seen]));
    const second = await db.prisma.$transaction((tx) => recordFirstDeliveries(tx, 'batch-group', [seen, fresh, fresh]));
    expect([...first]).toEqual([seen]);
    expect([...second]).toEqual([fresh]);
    const other = await db.prisma.$transaction((tx) => recordFirstDeliveries(tx, 'another-group', [seen]));
    expect([...other]).toEqual([seen]);
  });
});
