#!/usr/bin/env node
// `npm run bench`: sets up what the benchmarks need on any clone (dependencies, build, a real
// Kafka broker, a migrated template database in the local Postgres), runs them, and writes
// BENCHMARKS.md and BENCHMARKS.json at the root. `npm run bench -- parse linking` runs some;
// BENCH_ITEMS and BENCH_LATENCY_ITEMS size the throughput and latency runs.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { buildAll, dbPackage, ensureDependencies, ensurePostgres, startLocalKafka } from './lib/setup.mjs';
import { freePort, root, run, say } from './lib/shell.mjs';

const runId = randomBytes(3).toString('hex');
const adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const cleanups = [];
const cleanUp = async () => {
  while (cleanups.length) await cleanups.pop()().catch((error) => say(`clean-up: ${error.message}`));
};
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await cleanUp();
    process.exit(130);
  });
}

let exitCode = 0;
try {
  await ensureDependencies();
  await buildAll();
  let brokers = process.env.KAFKA_BROKERS;
  if (!brokers) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'briefwatch-bench-kafka-'));
    const kafka = await startLocalKafka({ port: await freePort(), dataDir });
    cleanups.push(async () => {
      await kafka.stop();
      rmSync(dataDir, { recursive: true, force: true });
    });
    brokers = kafka.brokers;
  }
  await ensurePostgres(adminUrl);
  const db = await dbPackage();
  // The benchmarks' databases are made as the tests' are: from a migrated template, dropped afterwards.
  const template = `briefwatch_test_${runId}_template`;
  cleanups.push(() =>
    db.withMaintenanceConnection(adminUrl, async (client) => {
      const { rows } = await client.query('SELECT datname FROM pg_database WHERE datname LIKE $1', [`briefwatch_test_${runId}_%`]);
      for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${db.quoteIdentifier(datname)} WITH (FORCE)`);
    }),
  );
  await db.ensureDatabaseExists(db.withDatabaseName(adminUrl, template));
  await db.migrateDatabase(db.withDatabaseName(adminUrl, template));
  say(`benchmarks (Kafka ${brokers}, Postgres ${db.redactDatabaseUrl(adminUrl)}) ...`);
  await run(process.execPath, [path.join(root, 'bench', 'dist', 'main.js'), ...process.argv.slice(2)], {
    env: { ...process.env, KAFKA_BROKERS: brokers, DATABASE_ADMIN_URL: adminUrl, BRIEFWATCH_TEST_TEMPLATE_DB: template, BRIEFWATCH_TEST_RUN_ID: runId },
  });
} catch (error) {
  say(`benchmarks failed: ${error.message}`);
  exitCode = 1;
} finally {
  await cleanUp();
}
process.exit(exitCode);
