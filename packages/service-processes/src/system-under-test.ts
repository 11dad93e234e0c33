import { randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApiKey } from '@briefwatch/access';
import { SERVICES, type ServiceName } from '@briefwatch/config';
import { createTestDatabase, type TestDatabase } from '@briefwatch/db/testing';
import { uniqueTopicPrefix } from '@briefwatch/testing';
import { freePort } from '../../../scripts/lib/shell.mjs';
import { repoRoot, ServiceProcess } from './service-process.js';

export interface SystemOptions {
  brokers: string;
  /** Extra settings for every service (allow-lists for the local feed and webhook servers). */
  env: Record<string, string>;
  /** Instances of each service to start (default 1 each). */
  instances?: Partial<Record<ServiceName, number>>;
}

/**
 * The whole of briefwatch as separate processes, on a database and topics of its own: what
 * the fault tests break. Every process it started is stopped and the database dropped by `stop()`.
 */
export class SystemUnderTest {
  readonly processes: ServiceProcess[] = [];
  readonly topicPrefix = uniqueTopicPrefix('fault');
  private readonly logDir = mkdtempSync(path.join(os.tmpdir(), 'briefwatch-faults-'));
  private apiKey = '';
  private apiUrl = '';
  env: Record<string, string> = {};

  private constructor(readonly db: TestDatabase) {}

  static async start(options: SystemOptions): Promise<SystemUnderTest> {
    const system = new SystemUnderTest(await createTestDatabase());
    const apiPort = await freePort();
    system.apiUrl = `http://127.0.0.1:${apiPort}`;
    system.env = {
      DATABASE_URL: system.db.url,
      KAFKA_BROKERS: options.brokers,
      KAFKA_TOPIC_PREFIX: system.topicPrefix,
      API_HOST: '127.0.0.1',
      API_PORT: String(apiPort),
      API_RATE_PER_MINUTE: '1000000',
      RELAY_POLL_INTERVAL_MS: '20',
      INGEST_TICK_MS: '50',
      ALERT_TICK_MS: '50',
      ALERT_RETRY_BASE_MS: '100',
      // Follow-ups for more outlets of a story go out after a second, not minutes.
      ALERT_GROUP_HOLD_S: '1',
      // One local receiver takes every alert: the per-host limit would only slow the tests down.
      ALERT_RATE_PER_MINUTE: '100000',
      POLL_INTERVAL_INITIAL_S: '1',
      POLL_INTERVAL_FLOOR_S: '1',
      POLL_INTERVAL_CEILING_S: '1',
      // A crashed ingestor's sources wait this long before another instance takes them over.
      POLL_LEASE_S: '5',
      // A killed consumer's partitions go to its successor after this long.
      KAFKA_SESSION_TIMEOUT_MS: '10000',
      // Webhook secrets sealed, as in a deployment: the API seals them, the alerters open them.
      WEBHOOK_SECRETS_KEY: randomBytes(32).toString('base64'),
      ...options.env,
    };
    system.apiKey = (await createApiKey(system.db.prisma, 'faults')).key;
    const brief = await system.cli('brief', 'import', path.join(repoRoot, 'briefs', 'spri-ai-brief-2020-06.txt'));
    if (brief.status !== 0) throw new Error(`brief import failed: ${brief.stderr}`);
    for (const service of SERVICES) {
      for (let i = 0; i < (options.instances?.[service] ?? 1); i += 1) system.launch(service);
    }
    await Promise.all(system.processes.map((p) => p.ready()));
    return system;
  }

  /** Starts one more instance of a service; its log is kept with the others. */
  launch(service: ServiceName): ServiceProcess {
    const n = this.processes.filter((p) => p.service === service).length;
    const instance = new ServiceProcess(service, path.join(this.logDir, `${service}-${n}.log`), this.env);
    this.processes.push(instance);
    return instance;
  }

  /** The running instances of a service. */
  running(service: ServiceName): ServiceProcess[] {
    return this.processes.filter((p) => p.service === service && p.running);
  }

  /** kill -9 one instance of a service and start another in its place. */
  async crashAndRestart(service: ServiceName): Promise<void> {
    const victim = this.running(service)[0];
    if (!victim) throw new Error(`no ${service} is running`);
    await victim.crash();
    await this.launch(service).ready();
  }

  /** `npx briefwatch ...` against this system, as its own process (the test goes on meanwhile). */
  cli(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        [path.join(repoRoot, 'apps', 'cli', 'dist', 'main.js'), ...args],
        { cwd: repoRoot, env: { PATH: process.env.PATH ?? '', ...this.env, LOG_LEVEL: 'warn' }, timeout: 120_000 },
        (error, stdout, stderr) => resolve({ status: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
      );
    });
  }

  /** A write to the API, with a key. */
  async post(route: string, body: unknown): Promise<Record<string, unknown>> {
    const response = await fetch(`${this.apiUrl}${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.apiKey}` },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`POST ${route} answered ${response.status}: ${JSON.stringify(json)}`);
    return json;
  }

  /** Where the services' logs are, for a failing test's message. */
  get logs(): string {
    return this.logDir;
  }

  /** Logs are kept when asked (BRIEFWATCH_KEEP_FAULT_LOGS=1) or when start-up failed. */
  async stop({ keepLogs = process.env.BRIEFWATCH_KEEP_FAULT_LOGS === '1' } = {}): Promise<void> {
    await Promise.all(this.processes.map((p) => p.stop()));
    await this.db.drop();
    if (!keepLogs) rmSync(this.logDir, { recursive: true, force: true });
  }
}
