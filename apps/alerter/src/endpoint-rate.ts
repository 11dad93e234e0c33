/**
 * A token bucket per endpoint host: at most `perMinute` deliveries a minute to one host,
 * with bursts up to a tenth of that. `reserve` takes a token and returns 0, or returns how
 * many milliseconds until one is free (and takes nothing).
 */
export class EndpointRate {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly capacity: number;
  private readonly perMs: number;

  constructor(perMinute: number, private readonly now: () => number = () => performance.now()) {
    this.capacity = Math.max(1, Math.ceil(perMinute / 10));
    this.perMs = perMinute / 60_000;
  }

  reserve(host: string): number {
    const now = this.now();
    const bucket = this.buckets.get(host) ?? { tokens: this.capacity, at: now };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    this.buckets.set(host, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / this.perMs);
  }
}
