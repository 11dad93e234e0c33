import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'prisma', 'migrations');
const migrations = readdirSync(migrationsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

// Prisma's driver-adapter migrator splits a script at every semicolon, wherever it stands.
describe.each(migrations)('migration %s', (name) => {
  const sql = readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8');

  it('is named <timestamp>_<what_changed>', () => {
    expect(name).toMatch(/^\d{14}_[a-z0-9_]+$/);
  });

  it('has no semicolon inside a comment', () => {
    const offending = sql.split('\n').filter((line) => /--.*;/.test(line));
    expect(offending).toEqual([]);
  });

  it('has no dollar-quoted body, which the splitter would cut apart', () => {
    expect(sql).not.toMatch(/\$[A-Za-z_]*\$/);
  });
});
