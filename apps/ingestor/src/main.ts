import 'reflect-metadata';
import { serviceContext, startWorker } from '@briefwatch/service-kit';
import { IngestorModule } from './ingestor.module.js';

const context = serviceContext('ingestor');
await startWorker(IngestorModule.forRoot(context), context);
