import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();

/**
 * Every environment variable briefwatch reads, with its default. The README's
 * configuration table is this list; keep them together.
 */
const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL')
    .default('postgresql://postgres@127.0.0.1:5432/briefwatch'),
  KAFKA_BROKERS: z
    .string()
    .default('127.0.0.1:9092')
    .transform((value) => value.split(',').map((broker) => broker.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[^:\s]+:\d+$/, 'each broker must be host:port')).min(1)),
  KAFKA_CLIENT_ID: z.string().min(1).optional(),
  KAFKA_TOPIC_PREFIX: z.string().regex(/^[A-Za-z0-9._-]*$/, 'letters, digits, dot, underscore and dash only').default(''),
  // How long the broker waits for a consumer that stopped answering (killed, cut off) before
  // handing its partitions to the others. The broker accepts 6 s to 300 s.
  KAFKA_SESSION_TIMEOUT_MS: z.coerce.number().int().min(6_000).max(300_000).default(30_000),
  // An event whose handler keeps failing while the database answers is set aside on the
  // group's retry topic and tried again after this delay, four times longer each round,
  // then dead-lettered after the last round.
  KAFKA_RETRY_DELAY_MS: z.coerce.number().int().min(100).max(3_600_000).default(10_000),
  KAFKA_RETRY_ROUNDS: z.coerce.number().int().min(0).max(10).default(2),
  API_HOST: z.string().min(1).default('127.0.0.1'),
  API_PORT: port.default(3000),
  API_READS_NEED_KEY: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
  API_RATE_PER_MINUTE: positiveInt.max(1_000_000).default(600),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'log', 'debug', 'verbose']).default('log'),
  RELAY_BATCH_SIZE: positiveInt.max(10_000).default(500),
  // How long kept data that only grows is kept, in days (0: for ever). The inbox must outlive
  // any redelivery: Kafka keeps events 7 days by default, so the inbox keeps 14.
  RETENTION_INBOX_DAYS: z.coerce.number().int().min(0).max(36_500).default(14),
  RETENTION_RAW_DAYS: z.coerce.number().int().min(0).max(36_500).default(30),
  RETENTION_QUIET_POLL_DAYS: z.coerce.number().int().min(0).max(36_500).default(90),
  RETENTION_EVERY_MIN: positiveInt.max(7 * 24 * 60).default(60),
  RELAY_POLL_INTERVAL_MS: positiveInt.max(60_000).default(100),
  INGEST_CONCURRENCY: positiveInt.max(64).default(8),
  INGEST_TICK_MS: positiveInt.max(60_000).default(1_000),
  POLL_INTERVAL_INITIAL_S: positiveInt.default(900),
  POLL_INTERVAL_FLOOR_S: positiveInt.default(300),
  POLL_INTERVAL_CEILING_S: positiveInt.default(6 * 3600),
  POLL_LEASE_S: positiveInt.default(120),
  FAILING_AFTER: positiveInt.max(100).default(3),
  SOURCE_QUIET_FACTOR: z.coerce.number().min(1).max(1_000).default(4),
  SOURCE_QUIET_MIN_S: positiveInt.default(6 * 3600),
  WEBHOOK_ALLOW: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((entry) => entry.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^(\[[0-9a-fA-F:.]+\]|[^:\s/]+):\d{1,5}$/, 'each entry must be host:port'))),
  // 32 random bytes, base64 (`openssl rand -base64 32`): webhook secrets are stored encrypted
  // with it. `npm start` makes one on first start (.data/webhook-secrets-key).
  WEBHOOK_SECRETS_KEY: z
    .string()
    .optional()
    .refine((value) => value === undefined || value === '' || Buffer.from(value, 'base64').length === 32, 'must be 32 bytes, base64 (openssl rand -base64 32)')
    .transform((value) => (value ? Buffer.from(value, 'base64') : null)),
  ALERT_MAX_ATTEMPTS: positiveInt.max(50).default(8),
  ALERT_RETRY_BASE_MS: positiveInt.default(2_000),
  ALERT_TICK_MS: positiveInt.max(60_000).default(500),
  ALERT_RATE_PER_MINUTE: positiveInt.max(100_000).default(120),
  ALERT_GROUP_HOLD_S: z.coerce.number().int().min(0).max(24 * 3600).default(120),
  ALERT_GROUP_WINDOW_S: positiveInt.max(7 * 24 * 3600).default(24 * 3600),
  FETCH_TIMEOUT_MS: positiveInt.max(300_000).default(30_000),
  FETCH_MAX_BYTES: positiveInt.default(10 * 1024 * 1024),
  FETCH_ALLOW: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((entry) => entry.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^(\[[0-9a-fA-F:.]+\]|[^:\s/]+):\d{1,5}$/, 'each entry must be host:port'))),
});

export type Environment = z.input<typeof environmentSchema>;

export interface BriefwatchConfig {
  service: string;
  nodeEnv: 'development' | 'production' | 'test';
  databaseUrl: string;
  /** The topic prefix also names the consumer groups: deployments that share a cluster share nothing else. */
  kafka: { brokers: string[]; clientId: string; topicPrefix: string; sessionTimeoutMs: number; retryDelayMs: number; retryRounds: number };
  api: {
    host: string;
    port: number;
    /** Reads need an API key too (writes always do). */
    readsNeedKey: boolean;
    /** Requests a minute per API key, or per client address without one. */
    ratePerMinute: number;
  };
  log: { format: 'json' | 'pretty'; level: 'fatal' | 'error' | 'warn' | 'log' | 'debug' | 'verbose' };
  relay: { batchSize: number; pollIntervalMs: number };
  /** Days each kind of growing data is kept (0: for ever), and how often expired data is pruned. */
  retention: { inboxDays: number; rawResponseDays: number; quietPollDays: number; everyMinutes: number };
  /** host:port entries that feed fetching may reach although they are not public addresses. */
  fetch: { allow: string[]; totalTimeoutMs: number; maxBodyBytes: number };
  alerts: {
    /** host:port entries webhooks may be delivered to although they are not public. */
    allow: string[];
    /** The key webhook secrets are stored encrypted with (AES-256-GCM); null: stored as they are, with a warning. */
    secretsKey: Buffer | null;
    maxAttempts: number;
    retryBaseMs: number;
    tickMs: number;
    /** Deliveries per minute to one endpoint host; more wait their turn (they are not failures). */
    ratePerMinute: number;
    /** How long a follow-up listing more outlets of a story already alerted waits for yet more. */
    groupHoldSeconds: number;
    /** How far back an alert can gather other outlets' copies of its story. */
    groupWindowSeconds: number;
  };
  ingest: {
    concurrency: number;
    tickMs: number;
    initialIntervalSeconds: number;
    floorSeconds: number;
    ceilingSeconds: number;
    leaseSeconds: number;
    /** Consecutive failed polls after which a source is flagged as failing. */
    failingAfter: number;
    quiet: { factor: number; minSeconds: number };
  };
}

export class ConfigError extends Error {
  readonly code = 'CONFIG.INVALID';
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration at boot; every problem is reported at once. */
export function loadConfig(service: string, env: Record<string, string | undefined> = process.env): BriefwatchConfig {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  return {
    service,
    nodeEnv: e.NODE_ENV,
    databaseUrl: e.DATABASE_URL,
    kafka: { brokers: e.KAFKA_BROKERS, clientId: e.KAFKA_CLIENT_ID ?? `briefwatch-${service}`, topicPrefix: e.KAFKA_TOPIC_PREFIX, sessionTimeoutMs: e.KAFKA_SESSION_TIMEOUT_MS, retryDelayMs: e.KAFKA_RETRY_DELAY_MS, retryRounds: e.KAFKA_RETRY_ROUNDS },
    api: { host: e.API_HOST, port: e.API_PORT, readsNeedKey: e.API_READS_NEED_KEY, ratePerMinute: e.API_RATE_PER_MINUTE },
    log: { format: e.LOG_FORMAT ?? (e.NODE_ENV === 'production' ? 'json' : 'pretty'), level: e.LOG_LEVEL },
    relay: { batchSize: e.RELAY_BATCH_SIZE, pollIntervalMs: e.RELAY_POLL_INTERVAL_MS },
    retention: { inboxDays: e.RETENTION_INBOX_DAYS, rawResponseDays: e.RETENTION_RAW_DAYS, quietPollDays: e.RETENTION_QUIET_POLL_DAYS, everyMinutes: e.RETENTION_EVERY_MIN },
    fetch: { allow: e.FETCH_ALLOW, totalTimeoutMs: e.FETCH_TIMEOUT_MS, maxBodyBytes: e.FETCH_MAX_BYTES },
    alerts: {
      allow: e.WEBHOOK_ALLOW,
      secretsKey: e.WEBHOOK_SECRETS_KEY,
      maxAttempts: e.ALERT_MAX_ATTEMPTS,
      retryBaseMs: e.ALERT_RETRY_BASE_MS,
      tickMs: e.ALERT_TICK_MS,
      ratePerMinute: e.ALERT_RATE_PER_MINUTE,
      groupHoldSeconds: e.ALERT_GROUP_HOLD_S,
      groupWindowSeconds: e.ALERT_GROUP_WINDOW_S,
    },
    ingest: {
      concurrency: e.INGEST_CONCURRENCY,
      tickMs: e.INGEST_TICK_MS,
      initialIntervalSeconds: e.POLL_INTERVAL_INITIAL_S,
      floorSeconds: e.POLL_INTERVAL_FLOOR_S,
      ceilingSeconds: e.POLL_INTERVAL_CEILING_S,
      leaseSeconds: e.POLL_LEASE_S,
      failingAfter: e.FAILING_AFTER,
      quiet: { factor: e.SOURCE_QUIET_FACTOR, minSeconds: e.SOURCE_QUIET_MIN_S },
    },
  };
}
