import type { Prisma, PrismaClient } from '@briefwatch/db';
import type { Projection } from './projections.js';
import { holdProjectionLock } from './projection-lock.js';

/** The schema a read model is rebuilt in: `rebuild_<name>`, beside the live tables. */
export function shadowSchemaOf(projection: Projection): string {
  return `rebuild_${identifier(projection.name.replace(/-/g, '_'))}`;
}

/** A schema to move the replaced tables into, dropped right after the swap. */
const retiredSchemaOf = (schema: string) => `${schema}_retired`;

/** How long the swap waits for a reader's lock on a live table before it gives up and tries again. */
const SWAP_LOCK_TIMEOUT = '5s';
const SWAP_ATTEMPTS = 5;

/**
 * Makes the shadow schema: an empty copy of each of the read model's tables, with the same
 * columns, defaults, constraints and index names; a view onto every other live table (what
 * the projection reads besides its own tables); and `rebuilt_events`, the rebuild's inbox.
 * A schema left by a rebuild that stopped half-way is dropped first.
 */
export async function createShadowTables(prisma: PrismaClient, projection: Projection, schema: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const live = await liveSchema(tx);
    await tx.$executeRawUnsafe(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await tx.$executeRawUnsafe(`DROP SCHEMA IF EXISTS "${retiredSchemaOf(schema)}" CASCADE`);
    await tx.$executeRawUnsafe(`CREATE SCHEMA "${schema}"`);
    for (const table of projection.tables.map(identifier)) {
      await tx.$executeRawUnsafe(`CREATE TABLE "${schema}"."${table}" (LIKE "${live}"."${table}" INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED INCLUDING STORAGE)`);
      // Keys and indexes under their live names, so the swapped-in tables are what migrations expect.
      const constraints = await tx.$queryRawUnsafe<Array<{ name: string; definition: string }>>(
        `SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = $1::regclass AND contype IN ('p', 'u', 'x')`,
        `"${live}"."${table}"`,
      );
      for (const { name, definition } of constraints) await tx.$executeRawUnsafe(`ALTER TABLE "${schema}"."${table}" ADD CONSTRAINT "${name}" ${definition}`);
      const indexes = await tx.$queryRawUnsafe<Array<{ definition: string }>>(
        `SELECT pg_get_indexdef(i.indexrelid) AS definition FROM pg_index i
         WHERE i.indrelid = $1::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
        `"${live}"."${table}"`,
      );
      for (const { definition } of indexes) await tx.$executeRawUnsafe(retarget(definition, live, schema, table));
    }
    const others = await tx.$queryRawUnsafe<Array<{ table: string }>>(
      `SELECT tablename AS table FROM pg_tables WHERE schemaname = $1 AND NOT (tablename = ANY($2::text[]))`,
      live,
      projection.tables,
    );
    for (const { table } of others) await tx.$executeRawUnsafe(`CREATE VIEW "${schema}"."${table}" AS SELECT * FROM "${live}"."${table}"`);
    await tx.$executeRawUnsafe(`CREATE TABLE "${schema}".rebuilt_events (event_id uuid PRIMARY KEY)`);
  });
}

/**
 * The swap, in one short transaction: holds the live projector off, lets `catchUp` bring the
 * shadow tables level with the store, records every event they hold in the live projector's
 * inbox (so it applies only what comes after), and moves the shadow tables in place of the
 * live ones. A reader holding a live table longer than the lock timeout makes the swap try
 * again rather than queue every other reader behind it. Returns what `catchUp` returned.
 */
export async function swapInShadowTables<T>(prisma: PrismaClient, projection: Projection, schema: string, group: string, catchUp: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await prisma.$transaction(
        async (tx) => {
          await holdProjectionLock(tx, projection, 'exclusive');
          const result = await catchUp(tx);
          await tx.$executeRawUnsafe(
            `INSERT INTO processed_events (consumer_group, event_id) SELECT $1, event_id FROM "${schema}".rebuilt_events ON CONFLICT DO NOTHING`,
            group,
          );
          const live = await liveSchema(tx);
          const retired = retiredSchemaOf(schema);
          await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '${SWAP_LOCK_TIMEOUT}'`);
          await tx.$executeRawUnsafe(`CREATE SCHEMA "${retired}"`);
          for (const table of projection.tables.map(identifier)) {
            await tx.$executeRawUnsafe(`ALTER TABLE "${live}"."${table}" SET SCHEMA "${retired}"`);
            await tx.$executeRawUnsafe(`ALTER TABLE "${schema}"."${table}" SET SCHEMA "${live}"`);
          }
          return result;
        },
        { maxWait: 60_000, timeout: 300_000 },
      );
    } catch (error) {
      if (!isLockTimeout(error) || attempt >= SWAP_ATTEMPTS) throw error;
    } finally {
      await dropSchema(prisma, retiredSchemaOf(schema)).catch(() => undefined);
    }
  }
}

export async function dropSchema(prisma: PrismaClient, schema: string): Promise<void> {
  await prisma.$executeRawUnsafe(`DROP SCHEMA IF EXISTS "${identifier(schema)}" CASCADE`);
}

async function liveSchema(tx: Prisma.TransactionClient): Promise<string> {
  const [row] = await tx.$queryRaw<Array<{ schema: string }>>`SELECT current_schema() AS schema`;
  return identifier(row!.schema);
}

/** `CREATE INDEX name ON public.table USING …` → the same index on the shadow table. */
function retarget(definition: string, live: string, schema: string, table: string): string {
  const on = / ON (?:ONLY )?("?[\w]+"?)\.("?[\w]+"?) /.exec(definition);
  if (!on || on[1]!.replace(/"/g, '') !== live || on[2]!.replace(/"/g, '') !== table) throw new Error(`unexpected index definition: ${definition}`);
  return definition.replace(on[0], ` ON "${schema}"."${table}" `);
}

function isLockTimeout(error: unknown): boolean {
  return /lock timeout|canceling statement due to lock timeout/i.test(String((error as Error)?.message ?? error));
}

function identifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a table or schema name briefwatch makes: ${name}`);
  return name;
}
