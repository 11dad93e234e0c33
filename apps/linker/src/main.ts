import 'reflect-metadata';
import { HealthService, serviceContext, startWorker } from '@briefwatch/service-kit';
import { LinkerModule } from './linker.module.js';

const context = serviceContext('linker');
const app = await startWorker(LinkerModule.forRoot(context), context);
const health = await app.get(HealthService).report();
context.logger.log('dependencies checked', { postgres: health.dependencies.postgres.status, kafka: health.dependencies.kafka.status });
