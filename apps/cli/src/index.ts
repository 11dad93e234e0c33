export { runCli, type CliIo } from './run-cli.js';
export { runCliCapturing, type CliRun } from './cli-harness.js';
