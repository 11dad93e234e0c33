import { createLogger } from './logger.js';

const fixedNow = () => new Date('2026-11-28T08:00:00.000Z');

describe('createLogger', () => {
  it('writes one JSON object per line with service, level and the bound fields', () => {
    const lines: string[] = [];
    const logger = createLogger({ service: 'relay', format: 'json', level: 'log', write: (l) => lines.push(l), now: fixedNow });
    logger.child({ correlationId: 'c-1' }).log('published', { streamId: 'source-1', count: 3 });
    expect(JSON.parse(lines[0]!)).toEqual({
      time: '2026-11-28T08:00:00.000Z',
      level: 'log',
      service: 'relay',
      msg: 'published',
      correlationId: 'c-1',
      streamId: 'source-1',
      count: 3,
    });
  });

  it('drops lines below the configured level', () => {
    const lines: string[] = [];
    const logger = createLogger({ service: 'api', format: 'pretty', level: 'warn', write: (l) => lines.push(l) });
    logger.log('chatty');
    logger.debug('chattier');
    logger.warn('worth knowing');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/WARN .*\[api\] worth knowing/);
  });

  it('never writes secrets: secret-named fields and URL passwords are redacted', () => {
    const lines: string[] = [];
    const logger = createLogger({ service: 'api', format: 'json', level: 'log', write: (l) => lines.push(l) });
    logger.log('connecting', { apiKey: 'bw_live_abc', databaseUrl: 'postgresql://app:hunter2@db:5432/briefwatch' });
    expect(lines[0]).not.toMatch(/bw_live_abc|hunter2/);
    expect(JSON.parse(lines[0]!).databaseUrl).toBe('postgresql://app:***@db:5432/briefwatch');
  });
});
