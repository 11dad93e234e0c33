import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { loadConfig, ConfigError } from '@briefwatch/config';
import { createLogger } from '@briefwatch/logging';
import { isProblemCode, NestLoggerAdapter, newCorrelationId, RequestValidationError, type CliCommand } from '@briefwatch/service-kit';
import { CliModule } from './cli.module.js';
import { CLI_COMMANDS } from './commands/index.js';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  env: Record<string, string | undefined>;
}

function helpText(): string {
  const width = Math.max(...CLI_COMMANDS.map((command) => command.path.join(' ').length));
  return [
    'usage: briefwatch <command> [options]',
    '',
    ...CLI_COMMANDS.map((command) => `  ${command.path.join(' ').padEnd(width)}  ${command.summary}`),
    '',
    'Settings come from the environment (DATABASE_URL, KAFKA_BROKERS, ...); see the README.',
  ].join('\n');
}

function commandHelp(command: CliCommand): string {
  const options = Object.entries(command.options ?? {}).map(([name, option]) => `  --${name.padEnd(12)} ${option.description}`);
  return [`usage: ${command.usage}`, '', command.summary, ...(options.length ? ['', ...options] : [])].join('\n');
}

function findCommand(words: string[]): CliCommand | undefined {
  return [...CLI_COMMANDS]
    .sort((a, b) => b.path.length - a.path.length)
    .find((command) => command.path.every((word, index) => words[index] === word));
}

/** Runs one CLI invocation and returns its exit code; never calls process.exit itself. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const words = argv.filter((arg) => !arg.startsWith('-'));
  const command = findCommand(words);
  if (!command) {
    if (argv.length === 0 || argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') {
      io.out(helpText());
      return 0;
    }
    io.err(`briefwatch: unknown command "${argv.join(' ')}"\n\n${helpText()}`);
    return 2;
  }

  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { help: { type: 'boolean', short: 'h' }, ...(command.options ?? {}) },
    });
  } catch (error) {
    io.err(`briefwatch ${command.path.join(' ')}: ${(error as Error).message}\n\n${commandHelp(command)}`);
    return 2;
  }
  if (parsed.values.help) {
    io.out(commandHelp(command));
    return 0;
  }

  let config;
  try {
    config = loadConfig('cli', io.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err(`briefwatch: ${error.message}`);
      return 2;
    }
    throw error;
  }
  const logger = createLogger({
    service: 'cli',
    format: config.log.format,
    level: io.env.LOG_LEVEL ? config.log.level : 'warn',
    write: io.err,
  });
  const app = await NestFactory.createApplicationContext(CliModule.forRoot({ config, logger }), {
    logger: new NestLoggerAdapter(logger),
    abortOnError: false,
  });
  try {
    await command.run({
      positionals: parsed.positionals.slice(command.path.length),
      options: parsed.values as Record<string, string | boolean | string[] | undefined>,
      app,
      correlationId: newCorrelationId(),
      print: io.out,
      note: io.err,
    });
    return Number(process.exitCode ?? 0);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (error instanceof RequestValidationError) io.err(`briefwatch ${command.path.join(' ')}: ${error.message}\n\n${commandHelp(command)}`);
    else if (isProblemCode(code)) io.err(`briefwatch: ${code}: ${(error as Error).message}`);
    else io.err(`briefwatch: ${(error as Error).message}`);
    return 1;
  } finally {
    await app.close();
  }
}
