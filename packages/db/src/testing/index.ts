import { randomBytes } from 'node:crypto';
import { createPrismaClient } from '../prisma-client.js';
import { migrateDatabase } from '../migrations.js';
import { quoteIdentifier, withDatabaseName, withMaintenanceConnection } from '../database-admin.js';
import type { PrismaClient } from '../generated/prisma/client.js';

const DEFAULT_ADMIN_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  name: string;
  url: string;
  prisma: PrismaClient;
  drop(): Promise<void>;
}

function adminUrl(): string {
  return process.env.DATABASE_ADMIN_URL ?? DEFAULT_ADMIN_URL;
}

function assertIsTestDatabase(name: string): void {
  if (!name.includes('test')) {
    throw new Error(`refusing to drop database "${name}": only databases whose name contains "test" are dropped by tests`);
  }
}

/**
 * A fresh, migrated database for one test file. `npm test` migrates a template once and
 * names it in BRIEFWATCH_TEST_TEMPLATE_DB, so each file gets a cheap copy; without it (jest
 * run by hand) the new database is migrated directly.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  // Names carry the run's id, so `npm test` can sweep up after a test file that crashed.
  const run = process.env.BRIEFWATCH_TEST_RUN_ID ?? 'manual';
  const name = `briefwatch_test_${run}_${randomBytes(5).toString('hex')}`;
  const template = process.env.BRIEFWATCH_TEST_TEMPLATE_DB;
  const url = withDatabaseName(adminUrl(), name);
  await withMaintenanceConnection(adminUrl(), (client) =>
    client.query(`CREATE DATABASE ${quoteIdentifier(name)}${template ? ` TEMPLATE ${quoteIdentifier(template)}` : ''}`),
  );
  if (!template) await migrateDatabase(url);
  const prisma = createPrismaClient(url, { maxConnections: 5, applicationName: 'briefwatch-test' });
  return {
    name,
    url,
    prisma,
    drop: async () => {
      await prisma.$disconnect();
      await dropTestDatabase(name);
    },
  };
}

export async function dropTestDatabase(name: string): Promise<void> {
  assertIsTestDatabase(name);
  await withMaintenanceConnection(adminUrl(), (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`),
  );
}
