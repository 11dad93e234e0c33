#!/usr/bin/env node
// `npm test`: sets up what the tests need on any clone (dependencies, build, a real Kafka
// broker, a migrated template database in the local Postgres), runs every package's tests
// through turbo, prints one total over every suite, and leaves nothing running.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { brokerForRun, buildAll, ensureChromium, ensureDependencies, ensurePostgres, readJson, databasesForRun } from './lib/setup.mjs';
import { root, run, say } from './lib/shell.mjs';

const runId = randomBytes(3).toString('hex');
const adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const resultsDir = mkdtempSync(path.join(os.tmpdir(), 'briefwatch-test-results-'));
const cleanups = [];

async function cleanUp() {
  while (cleanups.length) await cleanups.pop()().catch((error) => say(`clean-up: ${error.message}`));
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    say(`${signal}: stopping`);
    await cleanUp();
    process.exit(130);
  });
}

function summarise() {
  const totals = { passed: 0, failed: 0, skipped: 0, suitesFailed: 0 };
  const lines = [];
  for (const file of readdirSync(resultsDir).filter((f) => f.endsWith('.json')).sort()) {
    const result = readJson(path.join(resultsDir, file));
    const suitesFailed = result.testResults.filter((suite) => suite.status === 'failed' && suite.assertionResults.length === 0).length;
    totals.passed += result.numPassedTests;
    totals.failed += result.numFailedTests + suitesFailed;
    totals.skipped += result.numPendingTests + result.numTodoTests;
    totals.suitesFailed += suitesFailed;
    lines.push(`  ${file.replace(/\.json$/, '').replace('briefwatch__', '@briefwatch/').padEnd(28)} ${result.numPassedTests} passed, ${result.numFailedTests + suitesFailed} failed`);
  }
  return { totals, lines, packages: lines.length };
}

let exitCode = 0;
try {
  await ensureDependencies();
  await buildAll();

  const kafka = await brokerForRun('briefwatch-test');
  cleanups.push(kafka.stop);
  const brokers = kafka.brokers;

  await ensurePostgres(adminUrl);
  const chromium = await ensureChromium();
  const databases = await databasesForRun(adminUrl, runId);
  cleanups.push(databases.sweep);
  await databases.migrate();

  say(`running tests (Kafka ${brokers}, Postgres ${databases.redactedAdminUrl}) ...`);
  const env = {
    ...process.env,
    KAFKA_BROKERS: brokers,
    DATABASE_ADMIN_URL: adminUrl,
    BRIEFWATCH_TEST_TEMPLATE_DB: databases.template,
    BRIEFWATCH_TEST_RUN_ID: runId,
    BRIEFWATCH_TEST_RESULTS: resultsDir,
    CHROMIUM_PATH: chromium,
    NODE_ENV: 'test',
  };
  await run('npx', ['turbo', 'run', 'test', '--continue', '--concurrency=2', ...process.argv.slice(2)], { env }).catch((error) => {
    exitCode = error.exitCode ?? 1;
  });
} catch (error) {
  say(`set-up failed: ${error.message}`);
  exitCode = 1;
} finally {
  await cleanUp();
}

const { totals, lines, packages } = summarise();
rmSync(resultsDir, { recursive: true, force: true });
if (lines.length) process.stdout.write(`\nTest results by package:\n${lines.join('\n')}\n`);
if (packages === 0 && exitCode === 0) exitCode = 1;
if (totals.failed > 0 && exitCode === 0) exitCode = 1;
process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}\n`);
process.exit(exitCode);
