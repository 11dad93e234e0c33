import type { Machine } from './machine.js';
import type { StageResult } from './stage.js';

export interface BenchReport {
  ranAt: string;
  durationS: number;
  commit: string;
  machine: Machine;
  stages: StageResult[];
  /** What profiling found and what changed, kept by hand in bench/findings.md (Markdown). */
  findings?: string;
}

const cell = (value: string | number) => (typeof value === 'number' ? value.toLocaleString('en') : value);

/** BENCHMARKS.md: the machine, every goal and where it stands, then each benchmark's figures. */
export function renderReport(report: BenchReport): string {
  const { machine } = report;
  const goals = report.stages.flatMap((s) => s.goals.map((g) => `| ${g.goal} | ${g.measured} | ${g.met ? 'met' : '**not met**'} |`));
  const lines = [
    '# briefwatch benchmarks',
    '',
    `Written by \`npm run bench\` on ${report.ranAt} at commit \`${report.commit}\`, in ${Math.round(report.durationS)} s. Run it again to measure your own machine; the figures below are this machine's.`,
    '',
    '## Machine',
    '',
    `- ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, ${machine.os}`,
    `- Node.js ${machine.node}, PostgreSQL ${machine.postgres}, Kafka ${machine.kafka} (${machine.java})`,
    `- ${Object.entries(machine.libraries).map(([name, version]) => `${name} ${version}`).join(', ')}`,
    '- Kafka, Postgres and every briefwatch service share these cores, as they do under `npm start`.',
    '',
    '## Goals',
    '',
    '| goal | measured | |',
    '|---|---|---|',
    ...goals,
    '',
  ];
  for (const stage of report.stages) {
    lines.push(`## ${stage.title}`, '', `${stage.method}${stage.ranAt ? ` Measured ${stage.ranAt.slice(0, 16).replace('T', ' ')} UTC.` : ''}`, '');
    lines.push(`| ${stage.table.columns.join(' | ')} |`, `|${stage.table.columns.map(() => '---').join('|')}|`);
    for (const row of stage.table.rows) lines.push(`| ${row.map(cell).join(' | ')} |`);
    lines.push('');
    for (const note of stage.notes) lines.push(`- ${note}`);
    if (stage.notes.length) lines.push('');
  }
  if (report.findings) lines.push(report.findings.trim(), '');
  return lines.join('\n');
}
