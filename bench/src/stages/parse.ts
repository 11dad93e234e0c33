import { parseStringPromise } from 'xml2js';
import { parseFeed } from '@briefwatch/feeds';
import { atomFeed, rssFeed } from '../corpus.js';
import { round, timePerCall, type Stage } from '../stage.js';

/** The corpus: what a poll round of large publishers brings (full-text RSS and Atom, small and large feeds). */
function corpus(): Array<{ format: 'rss' | 'atom'; bytes: Buffer; items: number }> {
  const feeds: Array<{ format: 'rss' | 'atom'; bytes: Buffer; items: number }> = [];
  let n = 0;
  for (const [format, count, items] of [['rss', 12, 50], ['rss', 8, 10], ['atom', 6, 30], ['atom', 4, 10]] as const) {
    for (let i = 0; i < count; i += 1) {
      const xml = format === 'rss' ? rssFeed(n, items) : atomFeed(n, items);
      feeds.push({ format, bytes: Buffer.from(xml, 'utf8'), items });
      n += items;
    }
  }
  return feeds;
}

/**
 * Feed parsing: our adapter (charset detection, XML hardening, rss-parser, and mapping each
 * item to a FeedItem with its canonical URL, dates, plain text and content hash) against
 * xml2js, the XML parser rss-parser is built on, turning the same bytes into a bare tree.
 */
export const parseBench: Stage = async ({ log }) => {
  const feeds = corpus();
  const items = feeds.reduce((sum, f) => sum + f.items, 0);
  const megabytes = feeds.reduce((sum, f) => sum + f.bytes.length, 0) / 1_048_576;
  const texts = feeds.map((f) => f.bytes.toString('utf8'));
  log(`parse: ${feeds.length} feeds, ${items} items, ${megabytes.toFixed(2)} MB`);

  let parsedItems = 0;
  const adapterMs = await timePerCall(async () => {
    parsedItems = 0;
    for (const feed of feeds) parsedItems += (await parseFeed(feed.bytes, 'application/xml', 'https://news.example.com/')).items.length;
  }, { minMs: 4_000 });
  if (parsedItems !== items) throw new Error(`the adapter parsed ${parsedItems} items of ${items}`);
  const rawMs = await timePerCall(async () => {
    for (const text of texts) await parseStringPromise(text);
  }, { minMs: 4_000 });

  const rate = (ms: number) => ({ itemsPerSecond: round((items / ms) * 1000, 0), megabytesPerSecond: round((megabytes / ms) * 1000, 2) });
  const adapter = rate(adapterMs);
  const raw = rate(rawMs);
  return {
    stage: 'parse',
    title: 'Feed parsing',
    method: `${feeds.length} feeds (20 RSS 2.0 with full text in content:encoded, 10 Atom with escaped HTML; ${items} items, ${megabytes.toFixed(2)} MB), parsed again and again for at least 4 s after a warm-up, on one core.`,
    figures: { feeds: feeds.length, items, megabytes: round(megabytes, 2), adapter, rawXml: raw, adapterShareOfRaw: round(adapterMs / rawMs, 2) },
    table: {
      columns: ['parser', 'items/s', 'MB/s', 'ms per corpus'],
      rows: [
        ['briefwatch `parseFeed` (rss-parser behind our adapter)', adapter.itemsPerSecond, adapter.megabytesPerSecond, round(adapterMs, 1)],
        ['raw XML: xml2js on the same bytes (the floor)', raw.itemsPerSecond, raw.megabytesPerSecond, round(rawMs, 1)],
      ],
    },
    goals: [],
    notes: [`The adapter takes ${round(adapterMs / rawMs, 2)}× the time of the bare XML parse; everything above 1× is rss-parser's mapping and ours (hardening, canonical URLs, plain text, hashes).`],
  };
};
