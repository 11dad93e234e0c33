import { describeEvidence } from '@briefwatch/linking';
import type { CliCommand } from '@briefwatch/service-kit';
import { articleLineSchema, briefFrom, linkerFor, readJsonLines } from './linking-input.js';

export const linkCli: CliCommand = {
  path: ['link'],
  summary: "link articles to a brief's topics and claims, without Kafka or the database",
  usage: 'briefwatch link --brief <brief.txt> --input <articles.jsonl> [--threshold 0.35]',
  options: {
    brief: { type: 'string', description: 'the brief file' },
    input: { type: 'string', description: 'one article a line: {"id", "title", "summary", "content"?, ...}' },
    threshold: { type: 'string', description: 'the calibrated score (0..1) a link needs (default 0.35)' },
  },
  async run({ options, print, note }) {
    const document = await briefFrom(options.brief as string | undefined);
    const { rows, problems } = await readJsonLines(options.input as string | undefined, articleLineSchema, '--input');
    const linker = linkerFor(document, options.threshold);
    const topicTitle = new Map(document.topics.map((t) => [t.id, t.title]));
    for (const problem of problems) note(`skipped ${problem}`);
    for (const article of rows) {
      const result = linker.link(article);
      print(
        JSON.stringify({
          id: article.id,
          topics: result.topics.map((t) => ({ title: t.text, score: t.score })),
          claims: result.claims.map((c) => ({ text: c.text, topic: topicTitle.get(c.topicId), score: c.score, why: c.evidence.slice(0, 5).map(describeEvidence) })),
        }),
      );
    }
    if (problems.length > 0) process.exitCode = 1;
  },
};
