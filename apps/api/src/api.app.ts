import type { NestExpressApplication } from '@nestjs/platform-express';
import { createHttpApp, type ServiceContext } from '@briefwatch/service-kit';
import { ApiModule } from './api.module.js';

/** The API application, configured but not yet listening: main() and tests both start it. */
export function createApiApp(context: ServiceContext): Promise<NestExpressApplication> {
  return createHttpApp(ApiModule.forRoot(context), context);
}
