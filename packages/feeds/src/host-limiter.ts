/**
 * At most `perHost` requests to one host at a time, so briefwatch never hammers a publisher
 * and one slow host cannot hold every worker: the others' feeds go on.
 */
export class HostLimiter {
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, Array<() => void>>();

  constructor(private readonly perHost = 2) {}

  async run<T>(host: string, work: () => Promise<T>): Promise<T> {
    const key = host.toLowerCase();
    while ((this.active.get(key) ?? 0) >= this.perHost) {
      await new Promise<void>((resolve) => this.waiting.set(key, [...(this.waiting.get(key) ?? []), resolve]));
    }
    this.active.set(key, (this.active.get(key) ?? 0) + 1);
    try {
      return await work();
    } finally {
      const left = (this.active.get(key) ?? 1) - 1;
      if (left === 0) this.active.delete(key);
      else this.active.set(key, left);
      const next = this.waiting.get(key)?.shift();
      if (this.waiting.get(key)?.length === 0) this.waiting.delete(key);
      next?.();
    }
  }
}
