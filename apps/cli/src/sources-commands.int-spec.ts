import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { briefsProjection } from '@briefwatch/brief';
import { createTestDatabase, type TestDatabase } from '@briefwatch/db/testing';
import { applyOnce, readCommittedAfter, START_OF_STORE } from '@briefwatch/event-store';
import { sourcesProjection } from '@briefwatch/source-registry';
import { runCliCapturing } from './cli-harness.js';

const spriPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'briefs', 'spri-ai-brief-2020-06.txt');

describe('npx briefwatch sources …', () => {
  let db: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = mkdtempSync(path.join(os.tmpdir(), 'briefwatch-sources-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  });

  const cli = (...argv: string[]) => runCliCapturing(argv, { DATABASE_URL: db.url, KAFKA_BROKERS: '127.0.0.1:1' });

  /** What the projector would do: apply every stored event to the read models, once. */
  async function project() {
    const { events } = await readCommittedAfter(db.prisma, START_OF_STORE, 100_000);
    for (const projection of [briefsProjection, sourcesProjection]) {
      for (const event of events.filter((e) => projection.categories.some((c) => e.streamId.startsWith(`${c}-`)))) {
        await applyOnce(db.prisma, `test.${projection.name}`, event.eventId, (tx) => projection.apply(tx, event));
      }
    }
  }

  it('refuses to seed before a brief is imported', async () => {
    expect((await cli('sources', 'seed')).err).toMatch(/BRIEF\.NOT_FOUND: no brief imported yet/);
  });

  it("registers every cited publisher's feeds and a follow-up search per topic, once", async () => {
    await cli('brief', 'import', spriPath);
    await project();
    const seeded = await cli('sources', 'seed');
    expect(seeded.code).toBe(0);
    expect(seeded.out).toMatch(/18 sources registered, 0 already registered$/);
    expect(seeded.out).toContain('https://rss.arxiv.org/rss/cs.CL');
    expect(seeded.out).toContain('https://rss.nytimes.com/services/xml/rss/nyt/Technology.xml');
    expect(seeded.out.match(/registered follow-up https:\/\/news\.google\.com\/rss\/search\?q=/g)).toHaveLength(4);
    expect((await cli('sources', 'seed')).out).toBe('0 sources registered, 18 already registered');
  });

  it('lists sources with their polling state, pauses one, and exports and imports OPML', async () => {
    await project();
    const listed = await cli('sources', 'list');
    expect(listed.out).toMatch(/The Economist: Science & technology/);
    expect(listed.out).toMatch(/never polled; next soon/);

    const nyt = (await db.prisma.source.findFirstOrThrow({ where: { publisherKey: 'nytimes' } })).id;
    expect((await cli('sources', 'pause', nyt, '--reason', 'paywall')).out).toBe(`source ${nyt} is now paused`);
    expect((await cli('sources', 'pause', nyt)).err).toMatch(/SOURCE\.ALREADY_PAUSED/);
    expect((await cli('sources', 'resume', nyt)).out).toBe(`source ${nyt} is now active`);

    const exported = await cli('sources', 'export-opml');
    expect(exported.out.match(/<outline /g)).toHaveLength(18);
    const file = path.join(dir, 'reader.opml');
    writeFileSync(file, `<opml version="2.0"><body><outline text="Fortune" xmlUrl="https://fortune.com/feed/"/><outline text="The Verge" xmlUrl="https://www.theverge.com/rss/index.xml"/><outline text="bad" xmlUrl="ftp://x"/></body></opml>`);
    expect((await cli('sources', 'import-opml', file)).out).toBe(`1 sources registered, 2 skipped (already registered or invalid), from 3 feeds in ${file}`);
  });
});
