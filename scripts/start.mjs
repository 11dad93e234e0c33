#!/usr/bin/env node
// `npm start`: brings the whole of briefwatch up on any clone. Installs and builds what is
// missing, starts a local Kafka broker unless KAFKA_BROKERS names one, creates and migrates
// the database (DATABASE_URL, or the local Postgres), starts every service, restarts one
// that dies, and on Ctrl-C stops them all (and the broker it started).
//
// `npm run demo` (--demo) does the same on a database and topics of its own, and instead of
// the real feeds registers the bundled archive in demo/, replayed by a local server, with a
// subscription whose alerts are printed here: the whole flow within a minute, offline.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { accessPackage, buildAll, configPackage, dbPackage, ensureDependencies, ensurePostgres, startLocalKafka } from './lib/setup.mjs';
import { portIsOpen, root, say } from './lib/shell.mjs';

const demo = process.argv.includes('--demo');
const databaseUrl = process.env.DATABASE_URL ?? `postgresql://postgres@127.0.0.1:5432/${demo ? 'briefwatch_demo' : 'briefwatch'}`;
const apiHost = process.env.API_HOST ?? '127.0.0.1';
const apiPort = Number(process.env.API_PORT ?? 3000);

const children = new Map();
/** The built config package, once dependencies are installed and built. */
let config;
let stopping = false;
let stopKafka = async () => {};
let stopDemo = async () => {};

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  say('stopping services ...');
  await Promise.all([...children.values()].map((child) => stopChild(child)));
  await stopDemo().catch(() => {});
  await stopKafka().catch((error) => say(`stopping Kafka: ${error.message}`));
  say('stopped');
  process.exit(code);
}

function stopChild(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => (clearTimeout(force), resolve()));
    child.kill('SIGTERM');
  });
}

/** Runs a service; if it dies, starts it again with a growing pause, so a dependency that
 *  went away (Postgres restarted, the broker moved) does not leave the system half up. */
function supervise(service, env, restarts = 0) {
  const child = spawn(process.execPath, [...config.nodeFlagsFor(service), path.join(root, 'apps', service, 'dist', 'main.js')], { cwd: root, env, stdio: 'inherit' });
  children.set(service, child);
  const startedAt = Date.now();
  child.on('exit', (code, signal) => {
    if (stopping) return;
    const stable = Date.now() - startedAt > 60_000;
    const attempt = stable ? 1 : restarts + 1;
    const delay = Math.min(30_000, 1_000 * 2 ** (attempt - 1));
    say(`${service} exited (${signal ?? `code ${code}`}); restarting in ${delay / 1000}s`);
    setTimeout(() => !stopping && supervise(service, env, attempt), delay);
  });
}

async function waitForHealth(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      const body = await response.json();
      if (response.ok) return body;
      last = JSON.stringify(body.dependencies ?? body);
    } catch (error) {
      last = error.message;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`the API did not report healthy within ${timeoutMs / 1000}s: ${last}`);
}

/** Write requests need a key: on first start, one is made and kept in .data/api-key (mode 600). */
async function ensureLocalApiKey(db, url) {
  const keyFile = path.join(root, '.data', 'api-key');
  const access = await accessPackage();
  const prisma = db.createPrismaClient(url, { maxConnections: 1, applicationName: 'briefwatch-start' });
  try {
    if (await access.hasActiveApiKey(prisma)) return existsSync(keyFile) ? keyFile : null;
    const created = await access.createApiKey(prisma, 'local (npm start)');
    mkdirSync(path.dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, `${created.key}\n`, { mode: 0o600 });
    say(`created an API key for write requests in ${path.relative(root, keyFile)}`);
    return keyFile;
  } finally {
    await prisma.$disconnect();
  }
}

/** Webhook secrets are stored sealed: unless WEBHOOK_SECRETS_KEY is set, a key is made on first start and kept in .data/webhook-secrets-key (mode 600). */
function webhookSecretsKey() {
  if (process.env.WEBHOOK_SECRETS_KEY) return process.env.WEBHOOK_SECRETS_KEY;
  const keyFile = path.join(root, '.data', 'webhook-secrets-key');
  if (!existsSync(keyFile)) {
    mkdirSync(path.dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    say(`created the key webhook secrets are sealed with in ${path.relative(root, keyFile)}`);
  }
  return readFileSync(keyFile, 'utf8').trim();
}

/** The briefs in briefs/ are briefwatch's first input: imported (idempotently) on every start. */
async function importBriefs(env) {
  const dir = path.join(root, 'briefs');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.txt')).sort() : [];
  const lines = [];
  for (const file of files) {
    const result = spawnSync(process.execPath, [path.join(root, 'apps', 'cli', 'dist', 'main.js'), 'brief', 'import', path.join('briefs', file)], {
      cwd: root,
      env,
      encoding: 'utf8',
    });
    if (result.status === 0) lines.push(result.stdout.trim().split('\n')[0]);
    else say(`could not import briefs/${file}: ${result.stderr.trim()}`);
  }
  if (files.length > 0 && !demo) {
    // The cited publishers' feeds and a follow-up search per topic; already registered ones are left as they are.
    const seeded = spawnSync(process.execPath, [path.join(root, 'apps', 'cli', 'dist', 'main.js'), 'sources', 'seed'], { cwd: root, env, encoding: 'utf8' });
    if (seeded.status === 0) lines.push(seeded.stdout.trim().split('\n').pop());
    else say(`could not seed sources: ${seeded.stderr.trim()}`);
  }
  return lines;
}

const cli = (env, ...args) => spawnSync(process.execPath, [path.join(root, 'apps', 'cli', 'dist', 'main.js'), ...args], { cwd: root, env, encoding: 'utf8' });

/** The demo's feeds and alert receiver, and the settings that let briefwatch reach them and move fast. */
async function startDemoParts() {
  const { startReplayServer } = await import('../demo/replay-server.mjs');
  const { startWebhookSink } = await import('../demo/webhook-sink.mjs');
  const replay = await startReplayServer();
  const sink = await startWebhookSink();
  stopDemo = async () => {
    await replay.stop();
    await sink.stop();
  };
  const env = {
    KAFKA_TOPIC_PREFIX: process.env.KAFKA_TOPIC_PREFIX ?? 'demo.',
    FETCH_ALLOW: replay.hostPort,
    WEBHOOK_ALLOW: sink.hostPort,
    POLL_INTERVAL_INITIAL_S: '3',
    POLL_INTERVAL_FLOOR_S: '3',
    POLL_INTERVAL_CEILING_S: '6',
    INGEST_TICK_MS: '200',
    ALERT_TICK_MS: '100',
    ALERT_GROUP_HOLD_S: '10',
  };
  return { replay, sink, env };
}

/** Registers the demo's feeds and a subscription to the brief whose alerts are printed here (once per database). */
function registerDemo(env, parts, briefId) {
  for (const feed of parts.replay.feeds) cli(env, 'sources', 'add', feed.url, '--title', feed.title, '--publisher', feed.publisher);
  const existing = cli(env, 'subscriptions', 'list', '--json');
  const subscriptions = existing.status === 0 ? JSON.parse(existing.stdout) : [];
  const demoSubscription = subscriptions.find((s) => s.name === 'demo');
  if (!demoSubscription) {
    const added = cli(env, 'subscriptions', 'add', parts.sink.url, '--name', 'demo', '--brief', briefId, '--health');
    if (added.status !== 0) say(`could not subscribe the demo receiver: ${added.stderr.trim()}`);
  }
}

process.once('SIGINT', () => shutdown(0));
process.once('SIGTERM', () => shutdown(0));

try {
  await ensureDependencies();
  await buildAll();

  let brokers = process.env.KAFKA_BROKERS;
  if (!brokers) {
    const kafka = await startLocalKafka({ port: Number(process.env.KAFKA_PORT ?? 9092), dataDir: path.join(root, '.data', 'kafka') });
    stopKafka = kafka.stop;
    brokers = kafka.brokers;
  }

  await ensurePostgres(databaseUrl);
  config = await configPackage();
  const db = await dbPackage();
  const created = await db.ensureDatabaseExists(databaseUrl);
  say(`${created ? 'created' : 'using'} database ${db.redactDatabaseUrl(databaseUrl)}; applying migrations ...`);
  await db.migrateDatabase(databaseUrl);
  const keyFile = await ensureLocalApiKey(db, databaseUrl);

  if (await portIsOpen(apiPort, apiHost)) throw new Error(`port ${apiPort} on ${apiHost} is taken; set API_PORT`);
  const parts = demo ? await startDemoParts() : null;
  const env = { ...process.env, ...parts?.env, DATABASE_URL: databaseUrl, KAFKA_BROKERS: brokers, API_HOST: apiHost, API_PORT: String(apiPort), WEBHOOK_SECRETS_KEY: webhookSecretsKey() };
  for (const service of config.SERVICES) supervise(service, env);

  const apiUrl = `http://${apiHost}:${apiPort}`;
  await waitForHealth(`${apiUrl}/health`, 60_000);
  const briefs = await importBriefs(env);
  if (parts) {
    // The brief's id is its file name; the projector needs a moment to show it.
    const briefId = readdirSync(path.join(root, 'briefs')).find((f) => f.endsWith('.txt'))?.replace(/\.txt$/, '');
    for (let i = 0; i < 50 && !(await fetch(`${apiUrl}/briefs/${briefId}`)).ok; i += 1) await new Promise((resolve) => setTimeout(resolve, 200));
    registerDemo(env, parts, briefId);
  }
  process.stdout.write(
    [
      '',
      `briefwatch is up: ${config.SERVICES.join(', ')}${demo ? ' (demo)' : ''}`,
      `  dashboard ${apiUrl}/`,
      `  API      ${apiUrl}  (reference: ${apiUrl}/docs)`,
      ...(parts ? [`  demo     ${parts.replay.feeds.length} feeds replayed from demo/stories.json at http://${parts.replay.hostPort}; stories appear over the next minute; alerts print below`] : []),
      `  health   ${apiUrl}/health  (Postgres and Kafka: up)`,
      `  Kafka    ${brokers}${process.env.KAFKA_BROKERS ? '' : ' (local broker, data in .data/kafka)'}`,
      `  Postgres ${db.redactDatabaseUrl(databaseUrl)}`,
      ...briefs.map((line) => `  brief    ${line}`),
      `  API key  ${keyFile ? `${path.relative(root, keyFile)} (send it as: Authorization: Bearer $(cat ${path.relative(root, keyFile)}))` : 'create one with: npx briefwatch keys create <name>'}`,
      '  CLI      npx briefwatch --help',
      'Press Ctrl-C to stop everything.',
      '',
    ].join('\n'),
  );
} catch (error) {
  say(`could not start: ${error.message}`);
  await shutdown(1);
}
