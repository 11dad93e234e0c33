import { createHash } from 'node:crypto';
import Parser from 'rss-parser';
import { canonicalUrl } from './canonical-url.js';
import { decodeBody } from './decode-body.js';
import { FeedError } from './fetch-errors.js';
import { contentHashOf, feedDate, plainText, type FeedItem, type MediaObject } from './feed-item.js';
import { hardenXml } from './harden-xml.js';
import { withinItemLimits } from './item-limits.js';

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf';
  title: string | null;
  link: string | null;
  items: FeedItem[];
  charset: string;
  /** What was mended or dropped, as `CODE: detail` lines. */
  warnings: string[];
}

type RawItem = Record<string, unknown> & {
  title?: string;
  link?: string;
  guid?: string;
  id?: string;
  pubDate?: string;
  isoDate?: string;
  updated?: string;
  published?: string;
  content?: string;
  contentSnippet?: string;
  summary?: string;
  creator?: string;
  author?: string | { name?: string };
  categories?: Array<string | { _: string }>;
  enclosure?: { url?: string; type?: string };
  mediaContent?: Array<{ $?: { url?: string; type?: string; medium?: string } }>;
  mediaThumbnail?: Array<{ $?: { url?: string } }>;
  contentEncoded?: string;
  dcCreator?: string | string[];
  dcDate?: string;
  /** Atom's <category term="…"/>, which rss-parser does not map. */
  categoryElements?: Array<string | { _?: string; $?: { term?: string } }>;
};

function newParser(): Parser<Record<string, unknown>, RawItem> {
  // A fresh parser per document: nothing of one feed can leak into the next.
  return new Parser({
    timeout: 0,
    customFields: {
      item: [
        ['media:content', 'mediaContent', { keepArray: true }],
        ['media:thumbnail', 'mediaThumbnail', { keepArray: true }],
        ['content:encoded', 'contentEncoded'],
        ['dc:creator', 'dcCreator', { keepArray: true }],
        ['dc:date', 'dcDate'],
        ['category', 'categoryElements', { keepArray: true }],
        ['updated', 'updated'],
        ['published', 'published'],
      ],
    },
  }) as unknown as Parser<Record<string, unknown>, RawItem>;
}

function formatOf(xml: string): ParsedFeed['format'] {
  const root = /<([A-Za-z][\w:.-]*)[\s>]/.exec(xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, ''))?.[1]?.toLowerCase();
  if (root === 'rss') return 'rss';
  if (root === 'feed') return 'atom';
  if (root === 'rdf:rdf') return 'rdf';
  if (root === 'html' || /^\s*<!doctype html/i.test(xml)) throw new FeedError('FEED.NOT_A_FEED', 'the server sent an HTML page, not a feed');
  throw new FeedError('FEED.NOT_A_FEED', root ? `<${root}> is not the root of an RSS, Atom or RDF feed` : 'the body is not XML');
}

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && '_' in value) return String((value as { _: unknown })._);
  return '';
}

function authorsOf(raw: RawItem): string[] {
  const found = [
    ...(Array.isArray(raw.dcCreator) ? raw.dcCreator : raw.dcCreator ? [raw.dcCreator] : []),
    raw.creator,
    typeof raw.author === 'string' ? raw.author : raw.author?.name,
  ]
    .map(asText)
    .map((name) => plainText(name, 200))
    .filter(Boolean);
  return [...new Set(found)];
}

function mediaOf(raw: RawItem, base: string | undefined): MediaObject[] {
  const media: MediaObject[] = [];
  for (const entry of raw.mediaContent ?? []) {
    const url = canonicalUrl(entry.$?.url, base);
    if (url) media.push({ url, type: entry.$?.type ?? null, medium: entry.$?.medium ?? null });
  }
  for (const entry of raw.mediaThumbnail ?? []) {
    const url = canonicalUrl(entry.$?.url, base);
    if (url) media.push({ url, type: null, medium: 'image' });
  }
  const enclosure = canonicalUrl(raw.enclosure?.url, base);
  if (enclosure) media.push({ url: enclosure, type: raw.enclosure?.type ?? null, medium: null });
  return media.filter((m, i) => media.findIndex((n) => n.url === m.url) === i);
}

function normaliseItem(raw: RawItem, base: string | undefined, warnings: string[]): FeedItem {
  const link = typeof raw.link === 'string' ? raw.link.trim() : null;
  const canonical = canonicalUrl(link, base);
  const content = raw.contentEncoded ?? (raw.content && /<[a-z][\s\S]*>/i.test(raw.content) ? raw.content : null);
  const title = plainText(asText(raw.title), 500);
  const summary = plainText(raw.summary ?? raw.content ?? raw.contentSnippet ?? raw.contentEncoded ?? '', 1_000);
  const publishedRaw = raw.published ?? raw.pubDate ?? raw.dcDate ?? raw.isoDate;
  const published = feedDate(publishedRaw);
  const updated = feedDate(raw.updated);
  if (publishedRaw && !published) warnings.push(`FEED.BAD_DATE: "${String(publishedRaw).slice(0, 60)}" is not a date; the item is kept without one`);
  const atomTerms = (raw.categoryElements ?? []).map((c) => (typeof c === 'object' && c.$?.term ? c.$.term : asText(c)));
  const categories = [...new Set([...(raw.categories ?? []).map(asText), ...atomTerms].map((c) => c.trim()).filter(Boolean))];
  const guid = (asText(raw.guid) || asText(raw.id)).trim() || canonical || `hash:${createHash('sha256').update(`${title}|${published ?? ''}`).digest('hex').slice(0, 32)}`;
  const limited = withinItemLimits({ guid, link, canonicalUrl: canonical, title, summary, content: content ?? null, authors: authorsOf(raw), categories, media: mediaOf(raw, base), published, updated });
  warnings.push(...limited.warnings);
  const { guid: keptGuid, ...item } = limited.item;
  return { guid: keptGuid, ...item, contentHash: contentHashOf(item) };
}

/**
 * Reads a feed body (RSS 0.9x/1.0 (RDF)/2.0 or Atom) into normalised items: charset
 * decoded, XML hardened, parsed by rss-parser, each item normalised. A document that
 * cannot be read fails with a FeedError naming why; sloppiness that can be mended is,
 * and is listed in the warnings.
 */
export async function parseFeed(body: Buffer, contentType?: string, baseUrl?: string): Promise<ParsedFeed> {
  if (body.length === 0) throw new FeedError('FEED.EMPTY_BODY', 'the server sent an empty body');
  const decoded = decodeBody(body, contentType);
  const hardened = hardenXml(decoded.text);
  const format = formatOf(hardened.xml);
  const warnings = [...decoded.warnings, ...hardened.warnings];
  let parsed: Awaited<ReturnType<Parser<Record<string, unknown>, RawItem>['parseString']>>;
  try {
    parsed = await newParser().parseString(hardened.xml);
  } catch (error) {
    throw new FeedError('FEED.MALFORMED', `the feed is not well-formed XML: ${(error as Error).message.split('\n')[0]}`);
  }
  const base = typeof parsed.link === 'string' ? parsed.link : baseUrl;
  const items: FeedItem[] = [];
  const guids = new Set<string>();
  for (const raw of parsed.items ?? []) {
    const item = normaliseItem(raw, base ?? baseUrl, warnings);
    if (guids.has(item.guid)) {
      warnings.push(`FEED.DUPLICATE_GUID: "${item.guid.slice(0, 120)}" appears more than once; the first is kept`);
      continue;
    }
    guids.add(item.guid);
    items.push(item);
  }
  return {
    format,
    title: plainText(asText(parsed.title), 300) || null,
    link: typeof parsed.link === 'string' ? canonicalUrl(parsed.link) : null,
    items,
    charset: decoded.charset,
    warnings,
  };
}
