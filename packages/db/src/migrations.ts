import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Works from src/ (tests) and dist/ (built services) alike: both sit one level below the package.
const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export class MigrationFailedError extends Error {
  constructor(readonly exitCode: number | null, readonly output: string) {
    super(`prisma migrate deploy failed (exit ${exitCode}):\n${output.trim()}`);
    this.name = 'MigrationFailedError';
  }
}

/** Applies every pending migration with `prisma migrate deploy`. */
export function migrateDatabase(databaseUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(packageDir, 'scripts', 'prisma.mjs'), 'migrate', 'deploy'], {
      cwd: packageDir,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new MigrationFailedError(code, output))));
  });
}
