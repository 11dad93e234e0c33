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

describe('the memory a rate limiter holds', () => {
  it('forgets the least recently seen keys past its bound, and keeps limiting the ones it holds', () => {
    let now = 0;
    const rate = new RateLimiter(60, () => now, 100);
    for (let i = 0; i < 1_000; i += 1) rate.reserve(`address:10.0.${Math.floor(i / 250)}.${i % 250}`);
    expect(rate.size).toBe(100);
    // A key still remembered is still limited.
    for (let i = 0; i < 6; i += 1) rate.reserve('key:busy');
    expect(rate.reserve('key:busy')).toBeGreaterThan(0);
    for (let i = 0; i < 200; i += 1) rate.reserve(`address:other-${i}`);
    expect(rate.size).toBe(100);
  });

  it('answers how long a key must wait without taking a token', () => {
    let now = 0;
    const rate = new RateLimiter(60, () => now);
    expect(rate.waitFor('address:1')).toBe(0);
    for (let i = 0; i < 6; i += 1) rate.reserve('address:1');
    expect(rate.waitFor('address:1')).toBe(1_000);
    expect(rate.waitFor('address:1')).toBe(1_000);
    now = 1_000;
    expect(rate.waitFor('address:1')).toBe(0);
    expect(rate.reserve('address:1')).toBe(0);
  });
});
