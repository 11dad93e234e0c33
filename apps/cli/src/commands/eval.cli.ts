import { evaluateLinks } from '@briefwatch/linking';
import type { CliCommand } from '@briefwatch/service-kit';
import { briefFrom, labelledLineSchema, linkerFor, readJsonLines } from './linking-input.js';

export const evalCli: CliCommand = {
  path: ['eval'],
  summary: 'measure linking against labelled stories: topic precision, recall, F1 and claim hit@3',
  usage: 'briefwatch eval --brief <brief.txt> --labels <labelled.jsonl> [--json]',
  options: {
    brief: { type: 'string', description: 'the brief file' },
    labels: { type: 'string', description: 'one labelled story a line, as in the evaluation sets' },
    threshold: { type: 'string', description: 'the calibrated score (0..1) a link needs (default 0.35)' },
    json: { type: 'boolean', description: 'print the report as JSON' },
  },
  async run({ options, print, note }) {
    const document = await briefFrom(options.brief as string | undefined);
    const { rows, problems } = await readJsonLines(options.labels as string | undefined, labelledLineSchema, '--labels');
    for (const problem of problems) note(`skipped ${problem}`);
    const report = evaluateLinks(linkerFor(document, options.threshold), document, rows);
    if (options.json) return print(JSON.stringify(report, null, 2));
    const { topic, claim } = report;
    print(`stories      ${report.stories}`);
    print(`topics       precision ${topic.precision.toFixed(3)}  recall ${topic.recall.toFixed(3)}  F1 ${topic.f1.toFixed(3)}  (tp ${topic.truePositives}, fp ${topic.falsePositives}, fn ${topic.falseNegatives})`);
    print(`claims       hit@3 ${claim.hitAt3.toFixed(3)}  (${claim.hitsAt3} of ${claim.labelled} stories labelled with claims)`);
    if (report.mistakes.length > 0) print('mistakes');
    for (const mistake of report.mistakes) {
      print(`  ${mistake.id}  ${mistake.kind.padEnd(12)}  expected [${mistake.expected.join(', ')}]  got [${mistake.got.join(', ')}]  ${mistake.title.slice(0, 80)}`);
    }
  },
};
