import 'reflect-metadata';
import { serviceContext, startWorker } from '@briefwatch/service-kit';
import { LinkerModule } from './linker.module.js';

const context = serviceContext('linker');
await startWorker(LinkerModule.forRoot(context), context);
