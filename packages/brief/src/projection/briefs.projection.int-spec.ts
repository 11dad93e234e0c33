import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { streamIdOf } from '@briefwatch/contracts';
import { createTestDatabase, type TestDatabase } from '@briefwatch/db/testing';
import { appendToStream, applyOnce, readStream } from '@briefwatch/event-store';
import { profileBrief } from '../brief-document.js';
import { initialBriefState } from '../brief-state.js';
import { decideImportBrief } from '../decide-import.js';
import { parseBrief } from '../parser/parse-brief.js';
import { briefsProjection } from './briefs.projection.js';

const spri = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'briefs', 'spri-ai-brief-2020-06.txt'), 'utf8');

describe('the briefs projection', () => {
  let db: TestDatabase;
  beforeAll(async () => (db = await createTestDatabase()));
  afterAll(async () => db.drop());

  it('builds the same rows when every event is delivered twice', async () => {
    const { events } = decideImportBrief({ briefId: 'spri', document: profileBrief(parseBrief(spri)), fileName: null, now: new Date() }, initialBriefState());
    await appendToStream(db.prisma, streamIdOf('brief', 'spri'), events, { expectedVersion: 0, metadata: { correlationId: 't', causationId: null } });
    const stored = await readStream(db.prisma, streamIdOf('brief', 'spri'));

    const deliver = () => Promise.all(stored.map((event) => applyOnce(db.prisma, 'projector.briefs', event.eventId, (tx) => briefsProjection.apply(tx, event))));
    for (const event of stored) await applyOnce(db.prisma, 'projector.briefs', event.eventId, (tx) => briefsProjection.apply(tx, event));
    const snapshot = async () => ({
      briefs: await db.prisma.brief.findMany(),
      topics: await db.prisma.briefTopic.findMany({ orderBy: { topicId: 'asc' } }),
      claims: await db.prisma.briefClaim.findMany({ orderBy: { claimId: 'asc' } }),
      citations: await db.prisma.briefCitation.findMany({ orderBy: { number: 'asc' } }),
    });
    const once = await snapshot();
    const redelivered = await deliver();
    expect(redelivered.every((applied) => applied === false)).toBe(true);
    expect(await snapshot()).toEqual(once);

    expect(once.briefs).toHaveLength(1);
    expect(once.topics).toHaveLength(4);
    expect(once.citations).toHaveLength(10);
    const urmson = once.claims.find((c) => c.claimId === 't1.c1.2')!;
    expect(urmson).toMatchObject({ parentId: 't1.c1', depth: 1, citations: [2] });
    expect(once.claims.map((c) => c.position).every((p) => p > 0)).toBe(true);
  });
});
