/** A goal of the benchmark suite, measured against what it asks for. */
export interface GoalResult {
  goal: string;
  measured: string;
  met: boolean;
}

/** What one benchmark found: its figures (kept in BENCHMARKS.json), a table and notes for BENCHMARKS.md. */
export interface StageResult {
  stage: string;
  title: string;
  /** What was measured and how, in a sentence or two. */
  method: string;
  figures: Record<string, unknown>;
  table: { columns: string[]; rows: Array<Array<string | number>> };
  goals: GoalResult[];
  notes: string[];
  /** When it was measured (set by the runner). */
  ranAt?: string;
}

export interface BenchContext {
  /** Kafka brokers, a Postgres admin URL and a migrated template database, set up by scripts/bench.mjs. */
  brokers: string;
  /** Items the throughput stage carries (default 100,000). */
  items: number;
  /** Items the latency stage alerts on (default 1,000). */
  latencyItems: number;
  log: (line: string) => void;
}

export type Stage = (context: BenchContext) => Promise<StageResult>;

export const round = (n: number, digits = 1): number => Number(n.toFixed(digits));

/** The value at a quantile (0..1) of already sorted numbers. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** Calls `fn` until `minMs` has passed (at least `minRuns` times) and answers the mean milliseconds per call. */
export async function timePerCall(fn: () => unknown, { minMs = 1_000, minRuns = 3 } = {}): Promise<number> {
  await fn(); // warm-up: compiled paths, caches
  let runs = 0;
  const started = performance.now();
  while (runs < minRuns || performance.now() - started < minMs) {
    await fn();
    runs += 1;
  }
  return (performance.now() - started) / runs;
}
