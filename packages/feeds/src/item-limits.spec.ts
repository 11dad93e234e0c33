import { ITEM_LIMITS, cutToBytes } from './item-limits.js';
import { parseFeed } from './parse-feed.js';

function feedWith(items: Array<{ guid: string; title: string; html: string; categories?: string[] }>): Buffer {
  const entries = items
    .map(({ guid, title, html, categories = [] }) => `<item><guid>${guid}</guid><title>${title}</title>${categories.map((c) => `<category>${c}</category>`).join('')}<content:encoded><![CDATA[${html}]]></content:encoded></item>`)
    .join('');
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Limits desk</title><link>https://limits.example.org/</link>${entries}</channel></rss>`);
}

describe('how much of one item is kept', () => {
  it('cuts UTF-8 text at a byte budget without splitting a character', () => {
    const korean = '반도체 수출 규제가 강화되었다. '.repeat(10);
    const cut = cutToBytes(korean, 100);
    expect(Buffer.byteLength(cut, 'utf8')).toBeLessThanOrEqual(100);
    expect(korean.startsWith(cut)).toBe(true);
    expect(cut).not.toMatch(/\uFFFD/);
    expect(Buffer.byteLength(cut, 'utf8')).toBeGreaterThan(96);
    expect(cutToBytes('short', 100)).toBe('short');
  });

  it('keeps a 5 MB item, cut to the content limit with a warning naming it, and the items around it whole', async () => {
    const huge = `<p>${'Lengthy transcript of the committee hearing on model audits. '.repeat(85_000)}</p>`;
    expect(Buffer.byteLength(huge)).toBeGreaterThan(5_000_000);
    const feed = await parseFeed(
      feedWith([
        { guid: 'before', title: 'Chip export rules tightened', html: '<p>Rules tightened.</p>' },
        { guid: 'huge', title: 'Hearing transcript', html: huge },
        { guid: 'after', title: 'Audit bill passes committee', html: '<p>The bill passed.</p>' },
      ]),
      'application/rss+xml',
    );
    expect(feed.items.map((item) => item.guid)).toEqual(['before', 'huge', 'after']);
    const kept = feed.items[1]!;
    expect(Buffer.byteLength(kept.content!, 'utf8')).toBeLessThanOrEqual(ITEM_LIMITS.contentBytes);
    expect(huge.startsWith(kept.content!)).toBe(true);
    expect(feed.items[0]!.content).toBe('<p>Rules tightened.</p>');
    const megabytes = (Buffer.byteLength(huge) / (1024 * 1024)).toFixed(1);
    expect(feed.warnings).toEqual([`FEED.ITEM_CUT: item "huge": its content of ${megabytes} MB is cut to 256 KB; the whole response is kept`]);
  });

  it('keeps at most the first entries of an over-long list, each of bounded length', async () => {
    const categories = Array.from({ length: 80 }, (_, i) => `tag-${i}`);
    const feed = await parseFeed(feedWith([{ guid: 'tags', title: 'Tagged', html: '<p>x</p>', categories }]), 'application/rss+xml');
    expect(feed.items[0]!.categories).toEqual(categories.slice(0, ITEM_LIMITS.listEntries));
    expect(feed.warnings).toEqual([expect.stringMatching(/^FEED\.ITEM_CUT: item "tags": its categories are cut to 50/)]);
  });

  it('leaves an item within the limits as it was, with no warning', async () => {
    const feed = await parseFeed(feedWith([{ guid: 'plain', title: 'Plain', html: '<p>Nothing to cut.</p>', categories: ['policy'] }]), 'application/rss+xml');
    expect(feed.items[0]!.content).toBe('<p>Nothing to cut.</p>');
    expect(feed.items[0]!.categories).toEqual(['policy']);
    expect(feed.warnings).toEqual([]);
  });
});
