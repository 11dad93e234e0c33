import 'reflect-metadata';
import { serviceContext, startWorker } from '@briefwatch/service-kit';
import { RelayModule } from './relay.module.js';

const context = serviceContext('relay');
await startWorker(RelayModule.forRoot(context), context);
