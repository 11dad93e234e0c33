import { RateLimiter } from './rate-limiter.js';

describe('rate limits per key', () => {
  it('lets a burst through, then one delivery per interval, per host', () => {
    let now = 0;
    const rate = new RateLimiter(60, () => now);
    const burst = Array.from({ length: 6 }, () => rate.reserve('hooks.example.org'));
    expect(burst).toEqual([0, 0, 0, 0, 0, 0]);
    expect(rate.reserve('hooks.example.org')).toBe(1_000);
    expect(rate.reserve('other.example.org')).toBe(0);
    now = 999;
    expect(rate.reserve('hooks.example.org')).toBeGreaterThan(0);
    now = 1_000;
    expect(rate.reserve('hooks.example.org')).toBe(0);
    expect(rate.reserve('hooks.example.org')).toBeGreaterThan(0);
  });
});
