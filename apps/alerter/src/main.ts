import 'reflect-metadata';
import { HealthService, serviceContext, startWorker } from '@briefwatch/service-kit';
import { AlerterModule } from './alerter.module.js';

const context = serviceContext('alerter');
const app = await startWorker(AlerterModule.forRoot(context), context);
const health = await app.get(HealthService).report();
context.logger.log('dependencies checked', { postgres: health.dependencies.postgres.status, kafka: health.dependencies.kafka.status });
