import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client.js';

export interface PrismaClientOptions {
  /** Largest number of pooled connections this process opens. */
  maxConnections?: number;
  /** Name shown in pg_stat_activity, so an operator can tell the services apart. */
  applicationName?: string;
  /**
   * The schema the client's queries name, and the one raw SQL finds unqualified tables in
   * first (then `public`): how a rebuild writes a read model into its shadow tables.
   */
  schema?: string;
  /** Keep idle connections open (a session-level lock lives as long as its connection). */
  keepIdleConnections?: boolean;
}

/**
 * The one way briefwatch opens Prisma: through the Postgres driver adapter, which is what
 * lets the client run without a native query engine.
 */
export function createPrismaClient(databaseUrl: string, options: PrismaClientOptions = {}): PrismaClient {
  const adapter = new PrismaPg(
    {
      connectionString: databaseUrl,
      max: options.maxConnections ?? 10,
      application_name: options.applicationName ?? 'briefwatch',
      ...(options.schema ? { options: `-c search_path=${quoteIdentifier(options.schema)},public` } : {}),
      ...(options.keepIdleConnections ? { idleTimeoutMillis: 0 } : {}),
    },
    options.schema ? { schema: options.schema } : undefined,
  );
  return new PrismaClient({ adapter });
}

function quoteIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a schema name briefwatch makes: ${name}`);
  return name;
}
