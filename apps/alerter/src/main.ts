import 'reflect-metadata';
import { serviceContext, startWorker } from '@briefwatch/service-kit';
import { AlerterModule } from './alerter.module.js';

const context = serviceContext('alerter');
await startWorker(AlerterModule.forRoot(context), context);
