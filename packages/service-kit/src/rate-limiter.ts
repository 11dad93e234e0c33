/**
 * A token bucket per key (an endpoint host, an API key, a client address): at most
 * `perMinute` a minute for each, with bursts up to a tenth of that. `reserve` takes a token
 * and returns 0, or returns how many milliseconds until one is free (and takes nothing).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly capacity: number;
  private readonly perMs: number;

  constructor(perMinute: number, private readonly now: () => number = () => performance.now()) {
    this.capacity = Math.max(1, Math.ceil(perMinute / 10));
    this.perMs = perMinute / 60_000;
  }

  reserve(key: string): number {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / this.perMs);
  }
}
