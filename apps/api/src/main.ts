import 'reflect-metadata';
import { serviceContext } from '@briefwatch/service-kit';
import { createApiApp } from './api.app.js';

const context = serviceContext('api');
const app = await createApiApp(context);
await app.listen(context.config.api.port, context.config.api.host);
context.logger.log(`API listening on ${await app.getUrl()}`, { url: await app.getUrl() });
