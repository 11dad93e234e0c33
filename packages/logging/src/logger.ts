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
/** Secrets as they appear inside text: a password in a URL, a bearer token, briefwatch's own API keys and webhook secrets. */
const SECRET_IN_TEXT: ReadonlyArray<[RegExp, string]> = [
  [/(\w+:\/\/[^:/\s]+:)[^@\s]+@/g, '$1***@'],
  [/\b(Bearer\s+)[^\s"',;]+/gi, '$1[redacted]'],
  [/\bbw_[A-Za-z0-9]{8,}/g, 'bw_[redacted]'],
  [/\bwhsec_[A-Za-z0-9_-]{8,}/g, 'whsec_[redacted]'],
];
/** Nesting followed at most: deeper values are summarised, never written as they are. */
const MAX_DEPTH = 8;

/** Text with every secret it carries replaced. */
export function scrubText(text: string): string {
  return SECRET_IN_TEXT.reduce((clean, [pattern, replacement]) => clean.replace(pattern, replacement), text);
}

function redactValue(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if (ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[nested too deep]';
  // `seen` holds the value's ancestors only: an object met twice side by side is written twice, one that contains itself once.
  seen.add(value);
  try {
    if (value instanceof Error) {
      const { code } = value as { code?: unknown };
      return { name: value.name, message: scrubText(value.message), ...(code !== undefined ? { code: redactValue(code, depth + 1, seen) } : {}) };
    }
    if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1, seen));
    const clean: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) clean[key] = SECRET_KEY.test(key) ? '[redacted]' : redactValue(inner, depth + 1, seen);
    return clean;
  } finally {
    seen.delete(value);
  }
}

/**
 * Replaces, at every depth, the values of secret-named fields and the secrets found inside
 * text (URL passwords, bearer tokens, API keys, webhook secrets), before anything is written.
 */
export function redact(fields: LogFields): LogFields {
  return redactValue(fields, 0, new WeakSet()) as LogFields;
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
      write(JSON.stringify({ time, level, service: options.service, msg: scrubText(message), ...all }));
    } else {
      const extras = Object.entries(all).map(([key, value]) => `${key}=${prettyValue(value)}`).join(' ');
      write(`${time} ${level.toUpperCase().padEnd(5)} [${options.service}] ${scrubText(message)}${extras ? ` ${extras}` : ''}`);
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
