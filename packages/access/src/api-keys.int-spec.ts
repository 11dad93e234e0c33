import { createTestDatabase, type TestDatabase } from '@briefwatch/db/testing';
import { createApiKey, listApiKeys, revokeApiKey, verifyApiKey } from './api-keys.js';

describe('API keys in Postgres', () => {
  let db: TestDatabase;
  beforeAll(async () => (db = await createTestDatabase()));
  afterAll(async () => db.drop());

  it('accepts a created key, never stores it in clear, and refuses it once revoked', async () => {
    const created = await createApiKey(db.prisma, 'newsroom-bot');
    expect(await verifyApiKey(db.prisma, created.key)).toEqual({ id: created.id, name: 'newsroom-bot' });
    const stored = await db.prisma.$queryRaw<Array<{ row: string }>>`SELECT row_to_json(api_keys)::text AS row FROM api_keys`;
    expect(stored[0]!.row).not.toContain(created.key);

    expect(await revokeApiKey(db.prisma, created.prefix)).toBe(1);
    expect(await verifyApiKey(db.prisma, created.key)).toBeNull();
    expect((await listApiKeys(db.prisma))[0]!.revokedAt).not.toBeNull();
  });

  it('refuses a key it never issued', async () => {
    expect(await verifyApiKey(db.prisma, 'bw_thisKeyWasNeverIssuedByBriefwatch')).toBeNull();
    expect(await verifyApiKey(db.prisma, 'not even a key')).toBeNull();
  });
});
