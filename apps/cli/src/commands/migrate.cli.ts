import type { BriefwatchConfig } from '@briefwatch/config';
import { ensureDatabaseExists, migrateDatabase, redactDatabaseUrl } from '@briefwatch/db';
import { CONFIG, type CliCommand } from '@briefwatch/service-kit';

export const migrateCli: CliCommand = {
  path: ['migrate'],
  summary: 'create the database if needed and apply pending migrations',
  usage: 'briefwatch migrate',
  async run({ app, print }) {
    const { databaseUrl } = app.get<BriefwatchConfig>(CONFIG);
    const created = await ensureDatabaseExists(databaseUrl);
    await migrateDatabase(databaseUrl);
    print(`${created ? 'created and migrated' : 'migrated'} ${redactDatabaseUrl(databaseUrl)}`);
  },
};
