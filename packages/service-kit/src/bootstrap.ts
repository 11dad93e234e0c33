import { NestFactory } from '@nestjs/core';
import type { DynamicModule, INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigError, loadConfig, type BriefwatchConfig } from '@briefwatch/config';
import { redactDatabaseUrl } from '@briefwatch/db';
import { createLogger, type Logger } from '@briefwatch/logging';
import { NestLoggerAdapter } from './nest-logger.js';
import { ProblemDetailsFilter } from './problem-details.filter.js';

export interface ServiceContext {
  config: BriefwatchConfig;
  logger: Logger;
}

/** Config and logger for a service's main(): a bad configuration ends the process with every problem listed. */
export function serviceContext(service: string, env: Record<string, string | undefined> = process.env): ServiceContext {
  try {
    const config = loadConfig(service, env);
    const logger = createLogger({ service, format: config.log.format, level: config.log.level });
    return { config, logger };
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`briefwatch-${service}: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}

/** A service without HTTP (relay, projector, ingestor, ...): runs until SIGTERM or SIGINT, then drains. */
export async function startWorker(rootModule: DynamicModule, { config, logger }: ServiceContext): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(rootModule, { logger: new NestLoggerAdapter(logger), abortOnError: false });
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  await app.init();
  // A worker whose work is all timers and sockets opened later must not exit on an idle loop;
  // Nest's shutdown hooks close the app and re-raise the signal, which ends the process.
  setInterval(() => {}, 2 ** 30);
  logger.log('started', { databaseUrl: redactDatabaseUrl(config.databaseUrl), kafkaBrokers: config.kafka.brokers.join(','), topicPrefix: config.kafka.topicPrefix });
  return app;
}

/** An HTTP service: errors as problem+json, bounded bodies, stopped gracefully on SIGTERM. */
export async function createHttpApp(rootModule: DynamicModule, { logger }: ServiceContext): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(rootModule, {
    logger: new NestLoggerAdapter(logger),
    abortOnError: false,
    bodyParser: false,
  });
  app.disable('x-powered-by');
  app.useBodyParser('json', { limit: '256kb', type: ['application/json', 'application/*+json'] });
  // OPML and other XML documents arrive as text; the use case parses them.
  app.useBodyParser('text', { limit: '5mb', type: ['text/x-opml', 'application/xml', 'text/xml', 'text/plain'] });
  app.useGlobalFilters(app.get(ProblemDetailsFilter));
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  return app;
}
