import { ConfigError, loadConfig } from './config.js';
import { MEMORY_CEILING_MB, nodeFlagsFor, SERVICES } from './memory.js';

describe('loadConfig', () => {
  it('gives every setting a working local default', () => {
    const config = loadConfig('api', {});
    expect(config.databaseUrl).toBe('postgresql://postgres@127.0.0.1:5432/briefwatch');
    expect(config.kafka).toEqual({ brokers: ['127.0.0.1:9092'], clientId: 'briefwatch-api', topicPrefix: '', sessionTimeoutMs: 30_000, retryDelayMs: 10_000, retryRounds: 2 });
    expect(config.api).toEqual({ host: '127.0.0.1', port: 3000, readsNeedKey: false, ratePerMinute: 600 });
    expect(config.alerts).toMatchObject({ maxAttempts: 8, ratePerMinute: 120, groupHoldSeconds: 120, groupWindowSeconds: 86_400 });
    expect(config.ingest.quiet).toEqual({ factor: 4, minSeconds: 21_600 });
    expect(config.log.format).toBe('pretty');
  });

  it('closes reads only when told to, in so many words', () => {
    expect(loadConfig('api', { API_READS_NEED_KEY: 'true' }).api.readsNeedKey).toBe(true);
    expect(() => loadConfig('api', { API_READS_NEED_KEY: 'yes' })).toThrow(/API_READS_NEED_KEY/);
  });

  it('reads brokers as a comma-separated list and logs JSON in production', () => {
    const config = loadConfig('relay', { KAFKA_BROKERS: 'a:9092, b:9093', NODE_ENV: 'production' });
    expect(config.kafka.brokers).toEqual(['a:9092', 'b:9093']);
    expect(config.log.format).toBe('json');
  });

  it('keeps the consumer session timeout within what the broker accepts', () => {
    expect(loadConfig('linker', { KAFKA_SESSION_TIMEOUT_MS: '10000' }).kafka.sessionTimeoutMs).toBe(10_000);
    expect(() => loadConfig('linker', { KAFKA_SESSION_TIMEOUT_MS: '1000' })).toThrow(/KAFKA_SESSION_TIMEOUT_MS/);
  });

  it('reads the webhook secrets key as 32 bytes of base64, and refuses any other', () => {
    const key = Buffer.alloc(32, 7);
    expect(loadConfig('alerter', { WEBHOOK_SECRETS_KEY: key.toString('base64') }).alerts.secretsKey).toEqual(key);
    expect(loadConfig('alerter', {}).alerts.secretsKey).toBeNull();
    expect(() => loadConfig('alerter', { WEBHOOK_SECRETS_KEY: Buffer.alloc(16).toString('base64') })).toThrow(/WEBHOOK_SECRETS_KEY.*32 bytes/);
  });

  it("caps each service's heap at half its stated memory ceiling", () => {
    for (const service of SERVICES) {
      expect(nodeFlagsFor(service)).toEqual([`--max-old-space-size=${Math.floor(MEMORY_CEILING_MB[service] / 2)}`]);
      expect(MEMORY_CEILING_MB[service]).toBeLessThanOrEqual(512);
    }
  });

  it('reports every invalid variable at once, by name', () => {
    let error: unknown;
    try {
      loadConfig('api', { API_PORT: 'eighty', DATABASE_URL: 'mysql://x', KAFKA_BROKERS: 'nohost' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/API_PORT/);
    expect(problems).toMatch(/DATABASE_URL: must be a postgresql/);
    expect(problems).toMatch(/KAFKA_BROKERS/);
  });
});
