/** Fields that make a log line traceable: correlation, event and stream ids, and anything else. */
export type LogFields = Record<string, unknown>;

export type LogLevel = 'fatal' | 'error' | 'warn' | 'log' | 'debug' | 'verbose';
const SEVERITY: Record<LogLevel, number> = { fatal: 0, error: 1, warn: 2, log: 3, debug: 4, verbose: 5 };

export interface Logger {
  error(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  log(message: string, fields?: LogFields): void;
  debug(message: string, fields?: LogFields): void;
  /** A logger whose every line also carries these fields. */
  child(fields: LogFields): Logger;
}

export interface LoggerOptions {
  service: string;
  format: 'json' | 'pretty';
  level: LogLevel;
  /** Where lines go; standard error by default, so a CLI's standard output stays its own. */
  write?: (line: string) => void;
  /** For tests and reproducible output. */
  now?: () => Date;
}

const SECRET_KEY = /pass(word)?|secret|token|api[-_]?key|authorization|cookie/i;

/** Replaces values of secret-looking fields, and passwords inside URLs, before anything is written. */
export function redact(fields: LogFields): LogFields {
  const clean: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    if (SECRET_KEY.test(key)) clean[key] = '[redacted]';
    else if (typeof value === 'string') clean[key] = value.replace(/(\w+:\/\/[^:/\s]+:)[^@\s]+@/g, '$1***@');
    else if (value instanceof Error) clean[key] = { name: value.name, message: value.message, code: (value as { code?: unknown }).code };
    else clean[key] = value;
  }
  return clean;
}

function prettyValue(value: unknown): string {
  if (typeof value === 'string') return /\s/.test(value) ? JSON.stringify(value) : value;
  return JSON.stringify(value);
}

export function createLogger(options: LoggerOptions, bound: LogFields = {}): Logger {
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  const threshold = SEVERITY[options.level];

  function emit(level: LogLevel, message: string, fields: LogFields = {}): void {
    if (SEVERITY[level] > threshold) return;
    const all = redact({ ...bound, ...fields });
    const time = now().toISOString();
    if (options.format === 'json') {
      write(JSON.stringify({ time, level, service: options.service, msg: message, ...all }));
    } else {
      const extras = Object.entries(all).map(([key, value]) => `${key}=${prettyValue(value)}`).join(' ');
      write(`${time} ${level.toUpperCase().padEnd(5)} [${options.service}] ${message}${extras ? ` ${extras}` : ''}`);
    }
  }

  return {
    error: (message, fields) => emit('error', message, fields),
    warn: (message, fields) => emit('warn', message, fields),
    log: (message, fields) => emit('log', message, fields),
    debug: (message, fields) => emit('debug', message, fields),
    child: (fields) => createLogger(options, { ...bound, ...fields }),
  };
}

/** A logger that writes nothing: for pure unit tests. */
export const silentLogger: Logger = {
  error: () => {},
  warn: () => {},
  log: () => {},
  debug: () => {},
  child: () => silentLogger,
};
