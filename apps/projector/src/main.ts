import 'reflect-metadata';
import { serviceContext, startWorker } from '@briefwatch/service-kit';
import { ProjectorModule } from './projector.module.js';

const context = serviceContext('projector');
await startWorker(ProjectorModule.forRoot(context), context);
