#!/usr/bin/env node
// Runs jest for the package in the current directory with native ES modules enabled.
// When BRIEFWATCH_TEST_RESULTS names a folder, the package's results are also written
// there as JSON, so `npm test` can print one total over every suite.
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const jestBin = require.resolve('jest/bin/jest');
const pkg = JSON.parse(readFileSync(path.join(process.cwd(), 'package.json'), 'utf8'));
const args = [...process.argv.slice(2)];

const resultsDir = process.env.BRIEFWATCH_TEST_RESULTS;
if (resultsDir) {
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${pkg.name.replace(/^@/, '').replace('/', '__')}.json`);
  args.push('--json', `--outputFile=${file}`);
}

const result = spawnSync(process.execPath, ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning', jestBin, '--passWithNoTests', ...args], {
  stdio: 'inherit',
  env: process.env,
});
process.exit(result.status ?? 1);
