import type { INestApplicationContext } from '@nestjs/common';

export interface CliOption {
  type: 'string' | 'boolean';
  /** The option may be given more than once; its value is then a list. */
  multiple?: boolean;
  short?: string;
  description: string;
}

/** What a CLI command is given: parsed options and positionals, the service context, and output. */
export interface CliInvocation {
  positionals: string[];
  options: Record<string, string | boolean | string[] | undefined>;
  app: INestApplicationContext;
  correlationId: string;
  /** Standard output: the command's result. */
  print(line: string): void;
  /** Standard error: notes for the person at the terminal, never part of the result. */
  note(line: string): void;
}

/**
 * One command of `npx briefwatch`. It lives beside the use case it drives, and, like the
 * HTTP controller, only turns its input into the use case's command or query.
 */
export interface CliCommand {
  /** The words that select it, e.g. ['sources', 'add']. */
  path: string[];
  summary: string;
  usage: string;
  options?: Record<string, CliOption>;
  run(invocation: CliInvocation): Promise<void>;
}
