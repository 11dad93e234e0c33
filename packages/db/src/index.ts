export { createPrismaClient, type PrismaClientOptions } from './prisma-client.js';
export { migrateDatabase, MigrationFailedError } from './migrations.js';
export {
  databaseNameOf,
  ensureDatabaseExists,
  redactDatabaseUrl,
  withDatabaseName,
  withMaintenanceConnection,
  quoteIdentifier,
} from './database-admin.js';
export { PrismaClient, Prisma } from './generated/prisma/client.js';
export type * from './generated/prisma/models.js';
export type { Source, Brief, BriefTopic, BriefClaim, BriefCitation, Subscription } from './generated/prisma/client.js';
