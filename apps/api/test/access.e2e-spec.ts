import { chromium } from 'playwright-core';
import { startSystem, type RunningSystem } from './running-system.js';

describe('access: closed reads and per-key rate limits', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem({ env: { API_READS_NEED_KEY: 'true', API_RATE_PER_MINUTE: '60' } });
  });
  afterAll(async () => {
    await system?.stop();
  });

  const get = (route: string, key?: string) => fetch(`${system.baseUrl}${route}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });

  it('refuses reads without a key when reads are closed, and keeps /health open', async () => {
    const refused = await get('/sources');
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ code: 'AUTH.MISSING_KEY', detail: expect.stringMatching(/API_READS_NEED_KEY/) });
    expect((await get('/sources', 'bwk_not-a-real-key')).status).toBe(401);
    expect((await get('/sources', system.apiKey)).status).toBe(200);
    // Open without a key, and answering for the running system: Postgres and Kafka both up.
    const health = await get('/health');
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'up', dependencies: { postgres: { status: 'up' }, kafka: { status: 'up' } } });
  });

  it('answers 429 with Retry-After once a key has used its share, and other keys go on', async () => {
    const answers: number[] = [];
    let limited: Response | undefined;
    const started = performance.now();
    for (let i = 0; i < 30 && !limited; i += 1) {
      const response = await get('/sources', system.apiKey);
      answers.push(response.status);
      if (response.status === 429) limited = response;
    }
    // A burst of six (a tenth of 60 a minute), then one a second: however slow this machine is today.
    const refilled = (performance.now() - started) / 1000;
    expect(limited).toBeDefined();
    expect(answers.filter((s) => s === 200).length).toBeLessThanOrEqual(Math.floor(6 + refilled));
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await limited!.json()).toMatchObject({ status: 429, code: 'AUTH.RATE_LIMITED' });

    const { createApiKey } = await import('@briefwatch/access');
    const other = await createApiKey(system.db.prisma, 'another client');
    expect((await get('/sources', other.key)).status).toBe(200);
  });

  it('has the dashboard ask for a key, and use it', async () => {
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
    try {
      const { createApiKey } = await import('@briefwatch/access');
      // A key of its own: the one above has used up its share of this minute.
      const reader = await createApiKey(system.db.prisma, 'dashboard reader');
      const page = await browser.newPage();
      await page.goto(`${system.baseUrl}/`);
      await page.fill('input[name="key"]', reader.key);
      await page.click('button[type="submit"]');
      await page.waitForSelector('body[data-ready="true"]');
      expect(await page.textContent('#view')).toContain('No brief imported yet');
    } finally {
      await browser.close();
    }
  });

  it('slows an address that keeps presenting unknown keys, before looking them up', async () => {
    const answers: Response[] = [];
    const started = performance.now();
    for (let i = 0; i < 30 && !answers.some((a) => a.status === 429); i += 1) answers.push(await get('/sources', `bwk_guess-${i}`));
    const refilled = (performance.now() - started) / 1000;
    const statuses = answers.map((a) => a.status);
    // A burst of a tenth of the minute's share is looked up and answered 401; after that the address waits.
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(Math.floor(6 + refilled));
    const limited = answers.find((a) => a.status === 429);
    expect(limited).toBeDefined();
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await limited!.json()).toMatchObject({ code: 'AUTH.RATE_LIMITED', detail: expect.stringMatching(/unknown or revoked API keys from this address/) });
  });
});
