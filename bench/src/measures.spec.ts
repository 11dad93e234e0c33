import { parseFeed } from '@briefwatch/feeds';
import { atomFeed, benchArticle, bundledBrief, demoStories, rssFeed } from './corpus.js';
import { renderReport } from './report.js';
import { quantile } from './stage.js';
import { claimCount, growBrief } from './synthetic-brief.js';

describe('what the benchmarks measure with', () => {
  it('reads quantiles off sorted values, nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([quantile(values, 0.5), quantile(values, 0.95), quantile(values, 0.99), quantile(values, 1)]).toEqual([50, 95, 99, 100]);
    expect(quantile([7], 0.99)).toBe(7);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('grows the brief to exactly the claims asked for, the same way every run', () => {
    const real = bundledBrief();
    const stories = demoStories();
    expect(claimCount(growBrief(real, 4_000, stories))).toBe(4_000);
    expect(growBrief(real, 400, stories)).toEqual(growBrief(real, 400, stories));
    expect(growBrief(real, 10, stories).topics).toHaveLength(real.topics.length);
  });

  it('makes the same article for the same number, and feeds our parser reads item for item', async () => {
    expect(benchArticle(42)).toEqual(benchArticle(42));
    expect(benchArticle(42).html).not.toEqual(benchArticle(43).html);
    const rss = await parseFeed(Buffer.from(rssFeed(10, 5)), 'application/rss+xml', 'https://news.example.com/');
    const atom = await parseFeed(Buffer.from(atomFeed(10, 3)), 'application/atom+xml', 'https://lab.example.org/');
    expect(rss.items.map((item) => item.guid)).toEqual(['story-10', 'story-11', 'story-12', 'story-13', 'story-14']);
    expect(rss.items[0]!.content).toContain('<p>');
    expect(atom.items).toHaveLength(3);
  });

  it('reports each goal as met or not, as measured', () => {
    const markdown = renderReport({
      ranAt: '2026-11-28T00:00:00.000Z',
      durationS: 1,
      commit: 'abc1234',
      machine: { cpu: 'test', cores: 2, memoryGiB: 24, os: 'Linux', node: 'v20', postgres: '15', kafka: '3.9.1', java: 'openjdk 17', libraries: {} },
      stages: [{ stage: 's', title: 'A stage', method: 'How.', figures: {}, table: { columns: ['a'], rows: [[1234]] }, goals: [{ goal: 'fast', measured: '1 ms', met: true }, { goal: 'faster', measured: '2 ms', met: false }], notes: ['a note'] }],
    });
    expect(markdown).toContain('| fast | 1 ms | met |');
    expect(markdown).toContain('| faster | 2 ms | **not met** |');
    expect(markdown).toContain('| 1,234 |');
  });
});
