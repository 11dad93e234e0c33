import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './service-process.js';
import { freePort, portIsFree } from './system-under-test.js';

const run = promisify(execFile);

/**
 * A Kafka broker of the test's own (infra/kafka/kafka.sh on free ports), so that a test can
 * stop it and start it again, on the same port and data, without touching anyone else's.
 */
export class KafkaBroker {
  private constructor(
    private readonly env: Record<string, string>,
    private readonly dataDir: string,
    readonly brokers: string,
  ) {}

  static async start(): Promise<KafkaBroker> {
    // The controller listens on the next port: both must be free.
    let port = await freePort();
    while (!(await portIsFree(port + 1))) port = await freePort();
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'briefwatch-fault-kafka-'));
    const broker = new KafkaBroker({ ...(process.env as Record<string, string>), KAFKA_PORT: String(port), KAFKA_DATA_DIR: dataDir }, dataDir, `127.0.0.1:${port}`);
    await broker.resume();
    return broker;
  }

  /** Starts the broker (again) on its port and data. */
  async resume(): Promise<void> {
    await run('bash', [path.join(repoRoot, 'infra', 'kafka', 'kafka.sh'), 'start'], { env: this.env, timeout: 120_000 });
  }

  /** Stops the broker as an outage would: clients lose their connections. */
  async halt(): Promise<void> {
    await run('bash', [path.join(repoRoot, 'infra', 'kafka', 'kafka.sh'), 'stop'], { env: this.env, timeout: 60_000 });
  }

  async destroy(): Promise<void> {
    await this.halt().catch(() => {});
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
