/** Keys a limiter remembers at most: past that, the least recently seen are forgotten. */
export const MAX_RATE_KEYS = 10_000;

/**
 * A token bucket per key (an endpoint host, an API key, a client address): at most
 * `perMinute` a minute for each, with bursts up to a tenth of that. `reserve` takes a token
 * and returns 0, or returns how many milliseconds until one is free (and takes nothing).
 * Memory is bounded: past `maxKeys` the least recently seen keys are forgotten (a forgotten
 * key starts again with a full bucket).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly capacity: number;
  private readonly perMs: number;

  constructor(
    perMinute: number,
    private readonly now: () => number = () => performance.now(),
    private readonly maxKeys = MAX_RATE_KEYS,
  ) {
    this.capacity = Math.max(1, Math.ceil(perMinute / 10));
    this.perMs = perMinute / 60_000;
  }

  /** Keys remembered now. */
  get size(): number {
    return this.buckets.size;
  }

  reserve(key: string): number {
    const bucket = this.refilled(key);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      this.remember(key, bucket);
      return 0;
    }
    this.remember(key, bucket);
    return Math.ceil((1 - bucket.tokens) / this.perMs);
  }

  /** How many milliseconds until `key` has a token free (0: now), taking nothing. */
  waitFor(key: string): number {
    const bucket = this.buckets.get(key);
    if (!bucket) return 0;
    const tokens = Math.min(this.capacity, bucket.tokens + (this.now() - bucket.at) * this.perMs);
    return tokens >= 1 ? 0 : Math.ceil((1 - tokens) / this.perMs);
  }

  private refilled(key: string): { tokens: number; at: number } {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    return bucket;
  }

  /** Keeps the bucket as the most recently seen, and the map within its bound. */
  private remember(key: string, bucket: { tokens: number; at: number }): void {
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size <= this.maxKeys) return;
    // A Map iterates in insertion order: the least recently seen come first.
    for (const other of this.buckets.keys()) {
      if (this.buckets.size <= this.maxKeys) break;
      this.buckets.delete(other);
    }
  }
}
