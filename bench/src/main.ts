import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@briefwatch/service-processes';
import { describeMachine } from './machine.js';
import { renderReport, type BenchReport } from './report.js';
import type { BenchContext, Stage, StageResult } from './stage.js';
import { latencyBench } from './stages/latency.js';
import { linkingScaleBench } from './stages/linking-scale.js';
import { parseBench } from './stages/parse.js';
import { throughputBench } from './stages/throughput.js';
import { versionsOfServers } from './servers.js';

/** Every benchmark, in the order they run; `npm run bench -- parse linking` runs some. */
const STAGES: Record<string, Stage> = {
  parse: parseBench,
  linking: linkingScaleBench,
  throughput: throughputBench,
  latency: latencyBench,
};

const FINDINGS = path.join(repoRoot, 'bench', 'findings.md');
const RESULTS = path.join(repoRoot, 'BENCHMARKS.json');
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

async function main(): Promise<void> {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((name) => !(name in STAGES));
  if (unknown.length) throw new Error(`no benchmark named ${unknown.join(', ')}; there are: ${Object.keys(STAGES).join(', ')}`);
  const context: BenchContext = {
    brokers: required('KAFKA_BROKERS'),
    items: Number(process.env.BENCH_ITEMS ?? 100_000),
    latencyItems: Number(process.env.BENCH_LATENCY_ITEMS ?? 1_000),
    log,
  };
  const started = Date.now();
  const stages: StageResult[] = [];
  for (const [name, stage] of Object.entries(STAGES)) {
    if (asked.length && !asked.includes(name)) continue;
    log(`${name} ...`);
    stages.push({ ...(await stage(context)), ranAt: new Date().toISOString() });
  }
  // Benchmarks not asked for this time keep their figures from the last run that measured them.
  const previous = asked.length && existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as BenchReport).stages : [];
  const merged = Object.keys(STAGES).flatMap((name) => stages.find((s) => s.stage === name) ?? previous.filter((s) => s.stage === name));
  const servers = await versionsOfServers();
  const report: BenchReport = {
    ranAt: new Date().toISOString(),
    durationS: (Date.now() - started) / 1000,
    commit: execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim(),
    machine: describeMachine(servers.postgres, servers.kafka),
    stages: merged,
    ...(existsSync(FINDINGS) ? { findings: readFileSync(FINDINGS, 'utf8') } : {}),
  };
  writeFileSync(RESULTS, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(path.join(repoRoot, 'BENCHMARKS.md'), `${renderReport(report)}\n`);
  log(`wrote BENCHMARKS.md and BENCHMARKS.json in ${Math.round(report.durationS)} s`);
  for (const stage of stages) for (const goal of stage.goals) log(`${goal.met ? 'met    ' : 'NOT MET'} ${goal.goal}: ${goal.measured}`);
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the benchmarks with \`npm run bench\`, which sets up Kafka and Postgres`);
  return value;
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
