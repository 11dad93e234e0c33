import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MEMORY_CEILING_MB, nodeFlagsFor, type ServiceName } from '@briefwatch/config';
import { waitFor } from '@briefwatch/testing';
import { root } from '../../../scripts/lib/shell.mjs';

/** The repository's root, as the start and test scripts know it. */
export const repoRoot = root;

/** Every service process still running: none may outlive the test run, however it ends. */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** One log line a service wrote (they log JSON in these tests). */
export interface LogLine {
  level: string;
  msg: string;
  [field: string]: unknown;
}

/**
 * One service running as its own process, exactly as `npm start` runs it (built code, its
 * memory flags), so that it can be killed for real. Its log goes to a file; its peak
 * resident memory is read from the kernel while it runs.
 */
export class ServiceProcess {
  private readonly child: ChildProcess;
  private readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly sampler: NodeJS.Timeout;
  private peakKb = 0;

  constructor(
    readonly service: ServiceName,
    readonly logFile: string,
    env: Record<string, string>,
  ) {
    const log = openSync(logFile, 'a');
    // BRIEFWATCH_PROFILE_DIR: each service leaves a CPU profile there when it stops.
    const profiling = env.BRIEFWATCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${env.BRIEFWATCH_PROFILE_DIR}`] : [];
    this.child = spawn(process.execPath, [...nodeFlagsFor(service), ...profiling, path.join(repoRoot, 'apps', service, 'dist', 'main.js')], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '', ...env, LOG_FORMAT: 'json', LOG_LEVEL: 'log' },
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    live.add(this.child);
    this.child.once('exit', () => live.delete(this.child));
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
    this.sampler = setInterval(() => this.samplePeak(), 200);
    void this.exited.then(() => clearInterval(this.sampler));
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** The highest resident memory the kernel has seen for the process (VmHWM), in MB. */
  get peakRssMb(): number {
    this.samplePeak();
    return Math.round(this.peakKb / 1024);
  }

  private samplePeak(): void {
    try {
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.pid}/status`, 'utf8'));
      if (hwm) this.peakKb = Math.max(this.peakKb, Number(hwm[1]));
    } catch {
      // The process has gone: its last sample stands.
    }
  }

  /** Every line this service (all its runs into this file) has logged. */
  lines(): LogLine[] {
    return readFileSync(this.logFile, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LogLine);
  }

  /** Resolves once the service says it has started (a worker) or listens (the API). */
  async ready(timeoutMs = 60_000): Promise<this> {
    const started = waitFor(() => this.lines().some((line) => line.msg === 'started' || String(line.msg).startsWith('API listening')), Boolean, {
      description: `${this.service} started (log: ${this.logFile})`,
      timeoutMs,
      intervalMs: 100,
    });
    const died = this.exited.then(() => {
      throw new Error(`${this.service} exited during start-up: ${readFileSync(this.logFile, 'utf8').slice(-2_000)}`);
    });
    await Promise.race([started, died]);
    died.catch(() => {});
    return this;
  }

  /** kill -9: no shutdown hooks, no offsets committed, transactions cut off. */
  async crash(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM, as a supervisor stops a service; resolves with how it exited. */
  async terminate(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    this.child.kill('SIGTERM');
    return this.exited;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    const force = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    await this.terminate();
    clearTimeout(force);
  }
}

/** Each process's peak memory against its ceiling, also kept in test-artifacts/<name>.json (not committed) for the record. */
export function memoryPeaks(name: string, processes: ServiceProcess[]): Array<{ service: ServiceName; peakMb: number; ceilingMb: number }> {
  const peaks = processes.map((p) => ({ service: p.service, peakMb: p.peakRssMb, ceilingMb: MEMORY_CEILING_MB[p.service] }));
  mkdirSync(path.join(repoRoot, 'test-artifacts'), { recursive: true });
  writeFileSync(path.join(repoRoot, 'test-artifacts', `${name}.json`), JSON.stringify(peaks, null, 2));
  return peaks;
}
