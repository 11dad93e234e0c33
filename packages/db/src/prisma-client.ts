import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client.js';

export interface PrismaClientOptions {
  /** Largest number of pooled connections this process opens. */
  maxConnections?: number;
  /** Name shown in pg_stat_activity, so an operator can tell the services apart. */
  applicationName?: string;
}

/**
 * The one way briefwatch opens Prisma: through the Postgres driver adapter, which is what
 * lets the client run without a native query engine.
 */
export function createPrismaClient(databaseUrl: string, options: PrismaClientOptions = {}): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: options.maxConnections ?? 10,
    application_name: options.applicationName ?? 'briefwatch',
  });
  return new PrismaClient({ adapter });
}
