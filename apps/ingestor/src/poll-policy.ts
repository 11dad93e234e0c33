/** When to poll a source next, from what the last poll found. */
export interface PollPolicy {
  initialSeconds: number;
  floorSeconds: number;
  ceilingSeconds: number;
}

export type PollOutcome =
  | { kind: 'changed'; newItems: number; publishedTimes: number[] }
  | { kind: 'unchanged' }
  | { kind: 'failed'; consecutiveFailures: number; retryAfterSeconds?: number };

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The interval until the next poll, in seconds, before jitter. A source that publishes
 * often is polled at about half its median gap between items; one that had nothing new
 * backs off by half again each time; all within [floor, ceiling]. A failing source waits
 * exponentially longer (capped at the ceiling), and never less than a Retry-After asked.
 */
export function nextIntervalSeconds(currentSeconds: number, outcome: PollOutcome, policy: PollPolicy): number {
  switch (outcome.kind) {
    case 'changed': {
      const times = [...outcome.publishedTimes].sort((a, b) => b - a);
      const gaps = times.slice(1).map((time, i) => (times[i]! - time) / 1000).filter((gap) => gap > 0);
      const typicalGap = median(gaps);
      const target = typicalGap === null ? currentSeconds * 0.75 : typicalGap / 2;
      return Math.round(clamp(target, policy.floorSeconds, policy.ceilingSeconds));
    }
    case 'unchanged':
      return Math.round(clamp(currentSeconds * 1.5, policy.floorSeconds, policy.ceilingSeconds));
    case 'failed': {
      const backoff = clamp(policy.floorSeconds * 2 ** (outcome.consecutiveFailures - 1), policy.floorSeconds, policy.ceilingSeconds);
      return Math.round(Math.max(backoff, Math.min(outcome.retryAfterSeconds ?? 0, 24 * 3600)));
    }
  }
}

/** ±10 % of the interval, so sources registered together do not stay in lock-step. */
export function withJitter(seconds: number, random: () => number = Math.random): number {
  return Math.max(1, Math.round(seconds * (0.9 + random() * 0.2)));
}
