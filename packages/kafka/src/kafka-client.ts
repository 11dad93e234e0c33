import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import type { Logger } from '@briefwatch/logging';

export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  /** Prepended to every topic name; keeps test runs and deployments on one broker apart. */
  topicPrefix: string;
}

/** kafkajs logs through briefwatch's logger: its chatter at debug, its troubles as they are. */
function logCreatorFor(logger: Logger) {
  return () =>
    ({ level, log }: LogEntry) => {
      const { message, ...fields } = log;
      const line = `kafkajs: ${message}`;
      if (level === logLevel.ERROR) logger.error(line, fields);
      else if (level === logLevel.WARN) logger.warn(line, fields);
      else logger.debug(line, fields);
    };
}

export function createKafka(settings: KafkaSettings, logger: Logger): Kafka {
  return new Kafka({
    clientId: settings.clientId,
    brokers: settings.brokers,
    logLevel: logLevel.WARN,
    logCreator: logCreatorFor(logger.child({ component: 'kafkajs' })),
    connectionTimeout: 3_000,
    requestTimeout: 30_000,
    retry: { initialRetryTime: 200, maxRetryTime: 5_000, retries: 8 },
  });
}
