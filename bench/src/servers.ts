import { readdirSync } from 'node:fs';
import path from 'node:path';
import { withMaintenanceConnection } from '@briefwatch/db';
import { repoRoot } from '@briefwatch/service-processes';

/** The Postgres server's version, and the Kafka release whose jars run the local broker. */
export async function versionsOfServers(): Promise<{ postgres: string; kafka: string }> {
  const adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const postgres = await withMaintenanceConnection(adminUrl, async (client) => (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version);
  let kafka = 'unknown';
  try {
    const cache = path.join(repoRoot, '.cache', 'kafka');
    kafka = readdirSync(cache).find((entry) => /^\d+\.\d+\.\d+$/.test(entry)) ?? kafka;
  } catch {
    // A broker not started from the project's jars: its version is not known here.
  }
  return { postgres, kafka };
}
