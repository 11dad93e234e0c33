import { runCli } from './run-cli.js';

export interface CliRun {
  code: number;
  out: string;
  lines: string[];
  err: string;
}

/** Runs the CLI in-process with the given settings and collects what it printed: for tests. */
export async function runCliCapturing(argv: string[], env: Record<string, string | undefined>): Promise<CliRun> {
  const lines: string[] = [];
  const err: string[] = [];
  process.exitCode = undefined;
  const code = await runCli(argv, { out: (l) => lines.push(l), err: (l) => err.push(l), env });
  process.exitCode = undefined;
  return { code, out: lines.join('\n'), lines, err: err.join('\n') };
}

/** Settings under which a command that needs neither Postgres nor Kafka must still work. */
export const NO_SERVICES = { DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none', KAFKA_BROKERS: '127.0.0.1:1' };
