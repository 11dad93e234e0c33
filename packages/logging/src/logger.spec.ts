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

  it('redacts at every depth, inside errors and arrays, and in the message itself', () => {
    const lines: string[] = [];
    const logger = createLogger({ service: 'alerter', format: 'json', level: 'log', write: (l) => lines.push(l) });
    const cause = Object.assign(new Error('POST failed with Authorization: Bearer bw_Q7rT2mZk9LpX4vWs'), { code: 'FETCH.FAILED' });
    const looped: Record<string, unknown> = { name: 'loop' };
    looped.self = looped;
    logger.warn('retrying delivery signed with whsec_Zm9vYmFyYmF6cXV4', {
      subscription: { channel: { url: 'https://hooks.example.org/x', secret: 'whsec_Zm9vYmFyYmF6cXV4' }, attempts: [{ headers: { authorization: 'Bearer abc' } }] },
      error: cause,
      database: ['postgresql://app:hunter2@db:5432/briefwatch'],
      looped,
      at: new Date('2026-11-30T08:00:00.000Z'),
      body: Buffer.from('raw response bytes'),
    });
    const line = lines[0]!;
    expect(line).not.toMatch(/whsec_Zm9v|bw_Q7rT|hunter2|Bearer abc/);
    const written = JSON.parse(line);
    expect(written.msg).toBe('retrying delivery signed with whsec_[redacted]');
    expect(written.subscription).toEqual({ channel: { url: 'https://hooks.example.org/x', secret: '[redacted]' }, attempts: [{ headers: { authorization: '[redacted]' } }] });
    expect(written.error).toEqual({ name: 'Error', message: 'POST failed with Authorization: Bearer [redacted]', code: 'FETCH.FAILED' });
    expect(written.database).toEqual(['postgresql://app:***@db:5432/briefwatch']);
    expect(written.looped).toEqual({ name: 'loop', self: '[circular]' });
    expect(written.at).toBe('2026-11-30T08:00:00.000Z');
    expect(written.body).toBe('[18 bytes]');
  });
});
