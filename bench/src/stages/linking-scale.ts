import { Linker } from '@briefwatch/linking';
import { benchArticle, bundledBrief, demoStories } from '../corpus.js';
import { claimCount, growBrief } from '../synthetic-brief.js';
import { round, timePerCall, type Stage } from '../stage.js';

const SIZES = [40, 400, 4_000, 40_000];
const ARTICLES = 200;
const GOAL_MS = 1;

/** Linking cost per article as the tracked claims grow a thousandfold. */
export const linkingScaleBench: Stage = async ({ log }) => {
  const stories = demoStories();
  const real = bundledBrief();
  const articles = Array.from({ length: ARTICLES }, (_, n) => benchArticle(n, stories)).map((a, n) => ({ id: `a${n}`, title: a.title, summary: a.summary, content: a.text }));
  const rows: Array<{ claims: number; buildMs: number; perArticleMs: number; linkedTopics: number }> = [];
  for (const size of SIZES) {
    const brief = growBrief(real, size, stories);
    const claims = claimCount(brief);
    const started = performance.now();
    const linker = new Linker(brief);
    const buildMs = performance.now() - started;
    let linkedTopics = 0;
    const perCorpusMs = await timePerCall(() => {
      linkedTopics = 0;
      for (const article of articles) linkedTopics += linker.link(article).topics.length;
    }, { minMs: 2_000 });
    rows.push({ claims, buildMs: round(buildMs, 1), perArticleMs: round(perCorpusMs / ARTICLES, 4), linkedTopics });
    log(`linking: ${claims} claims, ${round((perCorpusMs / ARTICLES) * 1000, 0)} µs an article`);
  }
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const growth = round(last.perArticleMs / first.perArticleMs, 1);
  return {
    stage: 'linking',
    title: 'Linking cost as tracked claims grow',
    method: `The bundled brief (${first.claims} claims), then grown with synthetic topics to ${SIZES.slice(1).map((s) => s.toLocaleString('en')).join(', ')} claims (half their words from real news, half their own). ${ARTICLES} articles of about 2 KB of text each (a demo story and unrelated sentences), linked again and again for at least 2 s per size, on one core.`,
    figures: { articles: ARTICLES, sizes: rows, growthFactor: growth, claimsFactor: round(last.claims / first.claims, 0) },
    table: {
      columns: ['claims', 'index build (ms)', 'µs per article', 'topics linked per article'],
      rows: rows.map((r) => [r.claims, r.buildMs, round(r.perArticleMs * 1000, 0), round(r.linkedTopics / ARTICLES, 2)]),
    },
    goals: [
      { goal: `linking under ${GOAL_MS} ms per article at 40,000 claims`, measured: `${round(last.perArticleMs, 3)} ms`, met: last.perArticleMs < GOAL_MS },
      { goal: 'cost grows far slower than the claims', measured: `${round(last.claims / first.claims, 0)}× the claims, ${growth}× the cost`, met: growth < (last.claims / first.claims) / 10 },
    ],
    notes: [],
  };
};
