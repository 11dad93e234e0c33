// Waits until a Kafka broker answers a metadata request, as a client would see it.
// usage: node wait-for-kafka.mjs <host:port> [timeout-seconds]
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { Kafka, logLevel } = createRequire(path.join(root, 'package.json'))('kafkajs');

const [broker, timeoutSeconds = '60'] = process.argv.slice(2);
const deadline = Date.now() + Number(timeoutSeconds) * 1000;
const admin = new Kafka({ clientId: 'briefwatch-wait', brokers: [broker], logLevel: logLevel.NOTHING, retry: { retries: 0 } }).admin();

let lastError;
while (Date.now() < deadline) {
  try {
    await admin.connect();
    await admin.listTopics();
    await admin.disconnect();
    process.exit(0);
  } catch (error) {
    lastError = error;
    await admin.disconnect().catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
console.error(`[kafka] broker ${broker} did not answer a metadata request in time: ${lastError?.message ?? 'timeout'}`);
process.exit(1);
