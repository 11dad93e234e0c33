// The set-up both `npm start` and `npm test` do on any clone: dependencies, build, Kafka, Postgres.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort, root, run, say, portIsOpen } from './shell.mjs';

/** Installs dependencies when node_modules is missing or older than the lockfile. */
export async function ensureDependencies() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  const stale = !existsSync(marker) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs);
  if (!stale) return;
  say(existsSync(lock) ? 'installing dependencies (npm ci) ...' : 'installing dependencies (npm install) ...');
  await run('npm', [existsSync(lock) ? 'ci' : 'install', '--no-audit', '--no-fund', '--loglevel=error']);
}

/** Builds every package and app (turbo caches what has not changed). */
export async function buildAll() {
  say('building ...');
  await run('npx', ['turbo', 'run', 'build', '--output-logs=errors-only']);
}

/** The built database package: migrations and database administration. */
export async function dbPackage() {
  return import(pathToFileURL(path.join(root, 'packages', 'db', 'dist', 'index.js')).href);
}

/** The built config package: the services and how much memory each may use. */
export async function configPackage() {
  return import(pathToFileURL(path.join(root, 'packages', 'config', 'dist', 'index.js')).href);
}

/** The built access package: API keys. */
export async function accessPackage() {
  return import(pathToFileURL(path.join(root, 'packages', 'access', 'dist', 'index.js')).href);
}

/** Starts a local single-node Kafka broker through infra/kafka/kafka.sh; returns how to stop it. */
export async function startLocalKafka({ port, dataDir }) {
  const env = { ...process.env, KAFKA_PORT: String(port), KAFKA_DATA_DIR: dataDir };
  await run('bash', [path.join(root, 'infra', 'kafka', 'kafka.sh'), 'start'], { env });
  return {
    brokers: `127.0.0.1:${port}`,
    stop: () => run('bash', [path.join(root, 'infra', 'kafka', 'kafka.sh'), 'stop'], { env }),
  };
}

/**
 * The broker a run needs: the one in KAFKA_BROKERS, or a local one on a free port with a
 * throwaway data folder. `stop` stops (and clears) only what this started.
 */
export async function brokerForRun(prefix) {
  if (process.env.KAFKA_BROKERS) return { brokers: process.env.KAFKA_BROKERS, stop: async () => {} };
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `${prefix}-kafka-`));
  const kafka = await startLocalKafka({ port: await freePort(), dataDir });
  return {
    brokers: kafka.brokers,
    stop: async () => {
      await kafka.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The databases of one run: a template (`briefwatch_test_<run>_template`) that `migrate`
 * creates and migrates, for each test file or benchmark to copy, and `sweep`, which drops it
 * and every database of the run left behind (register it before migrating).
 */
export async function databasesForRun(adminUrl, runId) {
  const db = await dbPackage();
  const template = `briefwatch_test_${runId}_template`;
  const sweep = () =>
    db.withMaintenanceConnection(adminUrl, async (client) => {
      const { rows } = await client.query('SELECT datname FROM pg_database WHERE datname LIKE $1', [`briefwatch_test_${runId}_%`]);
      for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${db.quoteIdentifier(datname)} WITH (FORCE)`);
    });
  const migrate = async () => {
    const templateUrl = db.withDatabaseName(adminUrl, template);
    await db.ensureDatabaseExists(templateUrl);
    await db.migrateDatabase(templateUrl);
  };
  return { template, sweep, migrate, redactedAdminUrl: db.redactDatabaseUrl(adminUrl) };
}

/** Makes sure a Postgres server answers; on our machines a stopped local cluster is started. */
export async function ensurePostgres(databaseUrl) {
  const url = new URL(databaseUrl);
  const host = url.hostname || '127.0.0.1';
  const port = Number(url.port || 5432);
  if (await portIsOpen(port, host)) return;
  const local = host === '127.0.0.1' || host === 'localhost';
  const versions = local && existsSync('/etc/postgresql') ? (await import('node:fs')).readdirSync('/etc/postgresql') : [];
  if (versions.length > 0) {
    say(`Postgres does not answer on ${host}:${port}; starting the local cluster ...`);
    await run('pg_ctlcluster', ['--skip-systemctl-redirect', versions[0], 'main', 'start']).catch(() => {});
    for (let i = 0; i < 50 && !(await portIsOpen(port, host)); i += 1) await new Promise((r) => setTimeout(r, 200));
    if (await portIsOpen(port, host)) return;
  }
  throw new Error(`Postgres does not answer on ${host}:${port}. Start it, or set DATABASE_URL to a server that runs.`);
}

export function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * The dashboard's browser test drives Debian's Chromium. When it is missing and this user
 * may install packages, it is installed (about a minute); otherwise the test says how.
 */
export async function ensureChromium() {
  const executable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(executable)) return executable;
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
    say(`no Chromium at ${executable}; the dashboard test will fail until it is installed (apt-get install -y chromium) or CHROMIUM_PATH is set`);
    return executable;
  }
  say('installing Chromium for the dashboard test (apt-get install -y chromium) ...');
  const install = () => run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  await install().catch(async () => {
    await run('apt-get', ['update']).catch(() => {});
    await install().catch((error) => say(`could not install Chromium: ${error.message}`));
  });
  return executable;
}
