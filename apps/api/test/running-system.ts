import { randomBytes } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { createApiKey } from '@briefwatch/access';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig } from '@briefwatch/config';
import { createTestDatabase, type TestDatabase } from '@briefwatch/db/testing';
import { createLogger, silentLogger } from '@briefwatch/logging';
import { AlerterModule } from '@briefwatch/alerter';
import { IngestorModule } from '@briefwatch/ingestor';
import { LinkerModule } from '@briefwatch/linker';
import { ProjectorModule } from '@briefwatch/projector';
import { RelayModule } from '@briefwatch/relay';
import type { ServiceContext } from '@briefwatch/service-kit';
import { testKafkaBrokers, uniqueTopicPrefix } from '@briefwatch/testing';
import { createApiApp } from '../src/api.app.js';

/** The API, the relay and the projector, in this process, on a database and topics of their own. */
export interface RunningSystem {
  db: TestDatabase;
  topicPrefix: string;
  baseUrl: string;
  /** A key for write requests. */
  apiKey: string;
  api: NestExpressApplication;
  relay: INestApplicationContext;
  projector: INestApplicationContext;
  contextFor(service: string, env?: Record<string, string>): ServiceContext;
  /** Starts one more ingestor instance (several may run against one database). */
  startIngestor(): Promise<INestApplicationContext>;
  /** Starts one more alerter instance, with extra settings if given; close it to stop it. */
  startAlerter(env?: Record<string, string>): Promise<INestApplicationContext>;
  stop(): Promise<void>;
}

export interface SystemOptions {
  /** Extra settings for every service, e.g. FETCH_ALLOW for a local feed server. */
  env?: Record<string, string>;
  ingestor?: boolean;
  linker?: boolean;
  alerter?: boolean;
}

export async function startSystem(options: SystemOptions = {}): Promise<RunningSystem> {
  const db = await createTestDatabase();
  const topicPrefix = uniqueTopicPrefix('e2e');
  // Webhook secrets are sealed, as in a deployment: the API seals them, the alerter opens them.
  const secretsKey = randomBytes(32).toString('base64');
  const contextFor = (service: string, extraEnv: Record<string, string> = {}): ServiceContext => ({
    config: loadConfig(service, {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_TOPIC_PREFIX: topicPrefix,
      RELAY_POLL_INTERVAL_MS: '20',
      API_PORT: '0',
      // Tests poll the API while they wait; the access test sets a real limit.
      API_RATE_PER_MINUTE: '1000000',
      WEBHOOK_SECRETS_KEY: secretsKey,
      ...options.env,
      ...extraEnv,
    }),
    logger: process.env.BRIEFWATCH_E2E_LOGS ? createLogger({ service, format: 'json', level: 'warn' }) : silentLogger,
  });

  const relay = await NestFactory.createApplicationContext(RelayModule.forRoot(contextFor('relay')), { logger: false });
  await relay.init();
  const projector = await NestFactory.createApplicationContext(ProjectorModule.forRoot(contextFor('projector')), { logger: false });
  await projector.init();
  const api = await createApiApp(contextFor('api'));
  await api.listen(0, '127.0.0.1');
  const baseUrl = (await api.getUrl()).replace('[::1]', '127.0.0.1');
  const { key: apiKey } = await createApiKey(db.prisma, 'e2e');
  const ingestors: INestApplicationContext[] = [];
  const startIngestor = async () => {
    const ingestor = await NestFactory.createApplicationContext(IngestorModule.forRoot(contextFor('ingestor')), { logger: false });
    await ingestor.init();
    ingestors.push(ingestor);
    return ingestor;
  };
  const startAlerter = async (env: Record<string, string> = {}) => {
    const alerter = await NestFactory.createApplicationContext(AlerterModule.forRoot(contextFor('alerter', env)), { logger: false });
    await alerter.init();
    ingestors.push(alerter);
    return alerter;
  };
  if (options.ingestor) await startIngestor();
  if (options.linker) {
    const linker = await NestFactory.createApplicationContext(LinkerModule.forRoot(contextFor('linker')), { logger: false });
    await linker.init();
    ingestors.push(linker);
  }
  if (options.alerter) await startAlerter();

  return {
    db,
    topicPrefix,
    baseUrl,
    apiKey,
    api,
    relay,
    projector,
    contextFor,
    startIngestor,
    startAlerter,
    stop: async () => {
      // Workers first, then the API and the projector, then the relay: each close waits for its
      // consumers' fetches to end, so closing side by side saves those waits.
      await Promise.all(ingestors.map((worker) => worker.close().catch(() => {})));
      await Promise.all([api.close(), projector.close()]);
      await relay.close();
      await db.drop();
    },
  };
}
