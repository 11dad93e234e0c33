import { createTestDatabase, type TestDatabase } from './testing/index.js';

describe('the migrated schema', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db.drop();
  });

  it('refuses to edit or delete a stored event, because the event store is append-only', async () => {
    await db.prisma.$executeRaw`
      INSERT INTO events (event_id, stream_id, stream_position, type, schema_version, data, metadata)
      VALUES (gen_random_uuid(), 'source-1', 1, 'SourceRegistered', 1, '{}', '{}')`;

    await expect(db.prisma.$executeRaw`UPDATE events SET type = 'Edited'`).rejects.toThrow(/append-only/);
    await expect(db.prisma.$executeRaw`DELETE FROM events`).rejects.toThrow(/append-only/);
    const rows = await db.prisma.$queryRaw<{ type: string }[]>`SELECT type FROM events`;
    expect(rows).toEqual([{ type: 'SourceRegistered' }]);
  });

  it('refuses an event whose stream id names no category, since the relay could not route it', async () => {
    await expect(db.prisma.$executeRaw`
      INSERT INTO events (event_id, stream_id, stream_position, type, schema_version, data, metadata)
      VALUES (gen_random_uuid(), 'weather-1', 1, 'Rained', 1, '{}', '{}')`).rejects.toThrow(/events_stream_id_has_category/);
  });

  it('stamps each event with the id of the transaction that wrote it', async () => {
    const rows = await db.prisma.$queryRaw<{ same: boolean }[]>`
      SELECT transaction_id::text::bigint > 0 AS same FROM events LIMIT 1`;
    expect(rows[0]?.same).toBe(true);
  });
});
