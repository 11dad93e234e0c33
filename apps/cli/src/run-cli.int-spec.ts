import { createTestDatabase, type TestDatabase } from '@briefwatch/db/testing';
import { runCliCapturing } from './cli-harness.js';

describe('npx briefwatch', () => {
  let db: TestDatabase;
  beforeAll(async () => (db = await createTestDatabase()));
  afterAll(async () => db.drop());

  const cli = (...argv: string[]) => runCliCapturing(argv, { DATABASE_URL: db.url, KAFKA_BROKERS: '127.0.0.1:1', LOG_FORMAT: 'json' });

  it('registers a source through the same command the API sends, and refuses it twice', async () => {
    const first = await cli('sources', 'add', 'https://www.nytimes.com/svc/collections/v1/publish/https://www.nytimes.com/section/technology/rss.xml', '--publisher', 'The New York Times');
    expect(first).toMatchObject({ code: 0 });
    expect(first.out).toMatch(/^registered https:\/\/www\.nytimes\.com\/.* as source [0-9a-f-]{36}$/);
    const events = await db.prisma.$queryRaw<Array<{ type: string; publisher: string }>>`
      SELECT type, data->>'publisher' AS publisher FROM events`;
    expect(events).toEqual([{ type: 'SourceRegistered', publisher: 'The New York Times' }]);

    const again = await cli('sources', 'add', 'https://www.nytimes.com/svc/collections/v1/publish/https://www.nytimes.com/section/technology/rss.xml');
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/SOURCE\.ALREADY_REGISTERED/);
  });

  it('explains a bad argument with the command usage, and stores nothing', async () => {
    const bad = await cli('sources', 'add', 'ftp://example.org/feed', '--kind', 'rumour');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/feedUrl must be an http\(s\) URL/);
    expect(bad.err).toMatch(/kind/);
    expect(bad.err).toMatch(/usage: briefwatch sources add/);
    const unknownOption = await cli('sources', 'add', 'https://example.org/feed', '--colour', 'red');
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.err).toMatch(/--colour/);
    expect(await db.prisma.event.count()).toBe(1);
  });

  it('creates an API key, shows it once, lists it without it, and revokes it', async () => {
    const created = await cli('keys', 'create', 'newsroom-bot');
    expect(created.code).toBe(0);
    expect(created.out).toMatch(/^bw_[A-Za-z0-9]{32}$/);
    const listed = await cli('keys', 'list');
    expect(listed.out).toMatch(/newsroom-bot/);
    expect(listed.out).not.toContain(created.out);
    const prefix = created.out.slice(0, 9);
    expect((await cli('keys', 'revoke', prefix)).out).toBe('revoked 1 key');
    expect((await cli('keys', 'list')).out).toMatch(/REVOKED/);
    expect((await cli('keys', 'revoke', prefix)).err).toMatch(/KEY\.NOT_FOUND/);
  });

  it('lists the commands, and rejects one it does not know', async () => {
    expect((await cli('--help')).out).toMatch(/sources add .*register a feed/);
    const unknown = await cli('sources', 'explode');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown command "sources explode"/);
  });

  it('reports a bad setting by name before doing anything', async () => {
    const result = await runCliCapturing(['sources', 'list'], { DATABASE_URL: 'mysql://nope' });
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/DATABASE_URL: must be a postgresql/);
  });
});
