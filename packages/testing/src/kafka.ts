import { randomBytes } from 'node:crypto';

/**
 * The broker `npm test` started (KAFKA_BROKERS). Tests that need Kafka fail with this
 * message instead of hanging when none was started.
 */
export function testKafkaBrokers(): string[] {
  const brokers = process.env.KAFKA_BROKERS;
  if (!brokers) {
    throw new Error(
      'KAFKA_BROKERS is not set: run the tests with `npm test` (it starts a local broker), ' +
        'or start one with `npm run kafka start` and set KAFKA_BROKERS=127.0.0.1:9092',
    );
  }
  return brokers.split(',').map((broker) => broker.trim());
}

/** A topic prefix of its own for one test file, so nothing depends on leftovers. */
export function uniqueTopicPrefix(label = 't'): string {
  return `${label}${randomBytes(4).toString('hex')}.`;
}
