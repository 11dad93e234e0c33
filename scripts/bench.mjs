#!/usr/bin/env node
// `npm run bench`: sets up what the benchmarks need on any clone (dependencies, build, a real
// Kafka broker, a migrated template database in the local Postgres), runs them, and writes
// BENCHMARKS.md and BENCHMARKS.json at the root. `npm run bench -- parse linking` runs some;
// BENCH_ITEMS and BENCH_LATENCY_ITEMS size the throughput and latency runs.
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { brokerForRun, buildAll, databasesForRun, ensureDependencies, ensurePostgres } from './lib/setup.mjs';
import { root, run, say } from './lib/shell.mjs';

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
  const kafka = await brokerForRun('briefwatch-bench');
  cleanups.push(kafka.stop);
  await ensurePostgres(adminUrl);
  // The benchmarks' databases are made as the tests' are: copies of a migrated template, dropped afterwards.
  const databases = await databasesForRun(adminUrl, runId);
  cleanups.push(databases.sweep);
  await databases.migrate();
  say(`benchmarks (Kafka ${kafka.brokers}, Postgres ${databases.redactedAdminUrl}) ...`);
  await run(process.execPath, [path.join(root, 'bench', 'dist', 'main.js'), ...process.argv.slice(2)], {
    env: { ...process.env, KAFKA_BROKERS: kafka.brokers, DATABASE_ADMIN_URL: adminUrl, BRIEFWATCH_TEST_TEMPLATE_DB: databases.template, BRIEFWATCH_TEST_RUN_ID: runId },
  });
} catch (error) {
  say(`benchmarks failed: ${error.message}`);
  exitCode = 1;
} finally {
  await cleanUp();
}
process.exit(exitCode);
