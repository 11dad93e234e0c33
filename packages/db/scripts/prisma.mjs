#!/usr/bin/env node
// Runs the Prisma CLI offline. Prisma 6.19 still tries to download a native query engine
// for `generate` unless PRISMA_QUERY_ENGINE_LIBRARY names a file; with `engineType =
// "client"` that engine is never loaded, so any existing file will do.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');

const result = spawnSync(process.execPath, [prismaCli, ...process.argv.slice(2)], {
  cwd: packageDir,
  stdio: 'inherit',
  env: {
    PRISMA_QUERY_ENGINE_LIBRARY: path.join(packageDir, 'package.json'),
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
    ...process.env,
  },
});
process.exit(result.status ?? 1);
