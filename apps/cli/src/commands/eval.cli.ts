import { evaluateLinks, evaluationSets, type EvaluationReport, type EvaluationSetFiles } from '@briefwatch/linking';
import { ProblemError, type CliCommand } from '@briefwatch/service-kit';
import { briefFrom, labelledLineSchema, linkerFor, readJsonLines } from './linking-input.js';

async function evaluate(brief: string, labels: string, threshold: unknown, note: (line: string) => void): Promise<EvaluationReport> {
  const document = await briefFrom(brief);
  const { rows, problems } = await readJsonLines(labels, labelledLineSchema, '--labels');
  for (const problem of problems) note(`${labels}: skipped ${problem}`);
  return evaluateLinks(linkerFor(document, threshold as string | undefined), document, rows);
}

function summary({ topic, claim, stories }: EvaluationReport): string {
  return `${String(stories).padStart(7)}  ${topic.precision.toFixed(3)}  ${topic.recall.toFixed(3)}  ${topic.f1.toFixed(3)}  ${claim.hitAt3.toFixed(3)} (${claim.hitsAt3}/${claim.labelled})`;
}

export const evalCli: CliCommand = {
  path: ['eval'],
  summary: 'measure linking against labelled stories: topic precision, recall, F1 and claim hit@3, for one brief or every evaluation set',
  usage: 'briefwatch eval [--brief <brief.txt> --labels <labelled.jsonl> | --sets <folder>] [--json]',
  options: {
    brief: { type: 'string', description: 'the brief file' },
    labels: { type: 'string', description: 'one labelled story a line, as in the evaluation sets' },
    sets: { type: 'string', description: 'a folder of evaluation sets, each a folder with brief.txt and stories.jsonl (default: eval)' },
    threshold: { type: 'string', description: 'the calibrated score (0..1) a link needs (default 0.35)' },
    json: { type: 'boolean', description: 'print the report as JSON' },
  },
  async run({ options, print, note }) {
    if (options.brief || options.labels) {
      const report = await evaluate(options.brief as string, options.labels as string, options.threshold, note);
      if (options.json) return print(JSON.stringify(report, null, 2));
      const { topic, claim } = report;
      print(`stories      ${report.stories}`);
      print(`topics       precision ${topic.precision.toFixed(3)}  recall ${topic.recall.toFixed(3)}  F1 ${topic.f1.toFixed(3)}  (tp ${topic.truePositives}, fp ${topic.falsePositives}, fn ${topic.falseNegatives})`);
      print(`claims       hit@3 ${claim.hitAt3.toFixed(3)}  (${claim.hitsAt3} of ${claim.labelled} stories labelled with claims)`);
      if (report.mistakes.length > 0) print('mistakes');
      for (const mistake of report.mistakes) {
        print(`  ${mistake.id}  ${mistake.kind.padEnd(12)}  expected [${mistake.expected.join(', ')}]  got [${mistake.got.join(', ')}]  ${mistake.title.slice(0, 80)}`);
      }
      return;
    }
    const folder = (options.sets as string | undefined) ?? 'eval';
    let sets: EvaluationSetFiles[];
    try {
      sets = evaluationSets(folder);
    } catch {
      throw new ProblemError('LINK.INPUT_NOT_FOUND', `no evaluation sets at ${folder}: name a folder with --sets, or one brief with --brief and --labels`);
    }
    if (sets.length === 0) throw new ProblemError('LINK.INPUT_NOT_FOUND', `${folder} holds no evaluation set (a folder with brief.txt and stories.jsonl)`);
    const names = sets.map((set) => set.name);
    const reports: Record<string, EvaluationReport> = {};
    for (const set of sets) reports[set.name] = await evaluate(set.brief, set.stories, options.threshold, note);
    if (options.json) return print(JSON.stringify(reports, null, 2));
    const width = Math.max(...names.map((n) => n.length));
    print(`${'set'.padEnd(width)}  stories  topic P  topic R  topic F1  claim hit@3`);
    for (const name of names) print(`${name.padEnd(width)}  ${summary(reports[name]!)}`);
  },
};
