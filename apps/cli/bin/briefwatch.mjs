#!/usr/bin/env node
// `npx briefwatch <command>`: builds the CLI on first use from a fresh clone, then runs it.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(appDir, 'dist', 'main.js');
if (!existsSync(entry)) {
  process.stderr.write('briefwatch: building the CLI once (npx turbo run build --filter=@briefwatch/cli...)\n');
  const built = spawnSync('npx', ['turbo', 'run', 'build', '--filter=@briefwatch/cli...', '--output-logs=errors-only'], {
    cwd: path.resolve(appDir, '..', '..'),
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
await import(pathToFileURL(entry).href);
