import { nextIntervalSeconds, withJitter, type PollPolicy } from './poll-policy.js';

const policy: PollPolicy = { initialSeconds: 900, floorSeconds: 300, ceilingSeconds: 21_600 };
const hoursAgo = (h: number) => Date.parse('2026-11-28T12:00:00Z') - h * 3_600_000;

describe('the polling policy', () => {
  it('polls a source at about half its typical gap between items', () => {
    const hourly = [0, 1, 2, 3, 4].map(hoursAgo);
    expect(nextIntervalSeconds(900, { kind: 'changed', newItems: 1, publishedTimes: hourly }, policy)).toBe(1_800);
  });

  it('never polls more often than the floor, even for a very busy feed', () => {
    const everyMinute = [0, 1, 2, 3].map((m) => hoursAgo(m / 60));
    expect(nextIntervalSeconds(900, { kind: 'changed', newItems: 4, publishedTimes: everyMinute }, policy)).toBe(300);
  });

  it('backs off by half again when nothing changed, up to the ceiling', () => {
    expect(nextIntervalSeconds(900, { kind: 'unchanged' }, policy)).toBe(1_350);
    expect(nextIntervalSeconds(20_000, { kind: 'unchanged' }, policy)).toBe(21_600);
  });

  it('waits exponentially longer after each failure, capped, and honours Retry-After', () => {
    expect([1, 2, 3, 10].map((n) => nextIntervalSeconds(900, { kind: 'failed', consecutiveFailures: n }, policy))).toEqual([300, 600, 1_200, 21_600]);
    expect(nextIntervalSeconds(900, { kind: 'failed', consecutiveFailures: 1, retryAfterSeconds: 3_600 }, policy)).toBe(3_600);
  });

  it('spreads polls by ±10 %', () => {
    expect(withJitter(1_000, () => 0)).toBe(900);
    expect(withJitter(1_000, () => 1)).toBe(1_100);
  });
});
