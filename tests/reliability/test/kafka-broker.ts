import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalKafka } from '../../../scripts/lib/setup.mjs';
import { freePort, portIsOpen } from '../../../scripts/lib/shell.mjs';

/**
 * A Kafka broker of the test's own (the one `npm test` starts, on free ports), so that a test
 * can stop it and start it again, on the same port and data, without touching anyone else's.
 */
export class KafkaBroker {
  private stopBroker: () => Promise<void> = async () => {};

  private constructor(
    private readonly port: number,
    private readonly dataDir: string,
  ) {}

  get brokers(): string {
    return `127.0.0.1:${this.port}`;
  }

  static async start(): Promise<KafkaBroker> {
    // The controller listens on the next port: both must be free.
    let port = await freePort();
    while (await portIsOpen(port + 1)) port = await freePort();
    const broker = new KafkaBroker(port, mkdtempSync(path.join(os.tmpdir(), 'briefwatch-fault-kafka-')));
    await broker.resume();
    return broker;
  }

  /** Starts the broker (again) on its port and data. */
  async resume(): Promise<void> {
    this.stopBroker = (await startLocalKafka({ port: this.port, dataDir: this.dataDir })).stop;
  }

  /** Stops the broker as an outage would: clients lose their connections. */
  async halt(): Promise<void> {
    await this.stopBroker();
  }

  async destroy(): Promise<void> {
    await this.halt().catch(() => {});
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
