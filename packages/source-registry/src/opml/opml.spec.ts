import { parseOpml, toOpml } from './opml.js';
import type { SourceView } from '../source-view.js';

const source = (overrides: Partial<SourceView>): SourceView => ({
  id: 'x',
  feedUrl: 'https://www.wired.com/feed/tag/ai/latest/rss',
  title: 'Wired: AI & "more"',
  publisher: 'Wired',
  publisherKey: 'wired',
  kind: 'publisher',
  followsUp: null,
  status: 'active',
  registeredAt: '',
  lastPolledAt: null,
  lastStatus: null,
  lastError: null,
  nextPollAt: null,
  failing: false,
  consecutiveFailures: 0,
  quietSince: null,
  articlesNew: 0,
  articlesRevised: 0,
  version: 1,
  ...overrides,
});

describe('OPML', () => {
  it('round-trips the watched sources, escaping titles and leaving removed ones out', () => {
    const opml = toOpml([source({}), source({ feedUrl: 'https://news.google.com/rss/search?q=a&hl=en-US', title: 'Follow-up', kind: 'follow-up', publisher: null }), source({ feedUrl: 'https://gone.example/rss', status: 'removed' })]);
    expect(opml).toContain('title="Wired: AI &amp; &quot;more&quot;"');
    expect(parseOpml(opml)).toEqual([
      { feedUrl: 'https://www.wired.com/feed/tag/ai/latest/rss', title: 'Wired: AI & "more"', kind: 'publisher', publisher: 'Wired' },
      { feedUrl: 'https://news.google.com/rss/search?q=a&hl=en-US', title: 'Follow-up', kind: 'follow-up', publisher: null },
    ]);
  });

  it('reads nested outlines from other feed readers and refuses what is not OPML', () => {
    const exported = `<?xml version="1.0"?><opml version="1.0"><body><outline text="Tech"><outline text="Fortune" type="rss" xmlUrl="https://fortune.com/feed/"/></outline></body></opml>`;
    expect(parseOpml(exported)).toEqual([{ feedUrl: 'https://fortune.com/feed/', title: 'Fortune', kind: 'publisher', publisher: null }]);
    expect(() => parseOpml('<rss></rss>')).toThrow(/not an OPML document/);
  });
});
