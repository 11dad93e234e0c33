import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createHttpApp, type ServiceContext } from '@briefwatch/service-kit';
import { ApiModule } from './api.module.js';

/** The dashboard's files: plain HTML, CSS and JavaScript, served as they are. */
export const DASHBOARD_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dashboard');

/**
 * What the dashboard may load and run: only its own files and this API. Text from feeds is
 * put on the page as text, and this stops anything that slipped through from running.
 */
const DASHBOARD_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The API application, configured but not yet listening: main() and tests both start it. */
export async function createApiApp(context: ServiceContext): Promise<NestExpressApplication> {
  const app = await createHttpApp(ApiModule.forRoot(context), context);
  app.useStaticAssets(DASHBOARD_DIR, {
    index: 'index.html',
    setHeaders: (response) => {
      response.setHeader('content-security-policy', DASHBOARD_POLICY);
      response.setHeader('x-content-type-options', 'nosniff');
      response.setHeader('referrer-policy', 'no-referrer');
    },
  });
  return app;
}
