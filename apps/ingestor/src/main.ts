import 'reflect-metadata';
import { HealthService, serviceContext, startWorker } from '@briefwatch/service-kit';
import { IngestorModule } from './ingestor.module.js';

const context = serviceContext('ingestor');
const app = await startWorker(IngestorModule.forRoot(context), context);
const health = await app.get(HealthService).report();
context.logger.log('dependencies checked', { postgres: health.dependencies.postgres.status, kafka: health.dependencies.kafka.status });
