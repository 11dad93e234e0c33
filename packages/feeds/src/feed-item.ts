import { createHash } from 'node:crypto';
import { decodeHTML } from 'entities';
import { canonicalUrl } from './canonical-url.js';

export interface MediaObject {
  url: string;
  type: string | null;
  medium: string | null;
}

/** One item of a feed, as briefwatch keeps it, whatever the feed's format. */
export interface FeedItem {
  guid: string;
  link: string | null;
  canonicalUrl: string | null;
  title: string;
  /** Plain text: tags stripped, entities decoded, at most 1,000 characters. */
  summary: string;
  /** The item's HTML as the publisher sent it; sanitised where it is shown, never trusted. */
  content: string | null;
  authors: string[];
  categories: string[];
  media: MediaObject[];
  published: string | null;
  updated: string | null;
  /** SHA-256 of what a reader sees: a change here is a revision. */
  contentHash: string;
}

/** HTML → readable plain text. */
export function plainText(html: string | null | undefined, limit = 1_000): string {
  if (!html) return '';
  const text = decodeHTML(
    html
      .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<br\s*\/?>|<\/p>|<\/div>|<\/li>/gi, ' ')
      .replace(/<[^>]*>/g, ' '),
  )
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > limit ? `${text.slice(0, limit - 1).trimEnd()}…` : text;
}

/** Dates as feeds write them (RFC 822, ISO 8601, sloppy variants) → ISO; null when unreadable. */
export function feedDate(value: unknown): string | null {
  if (typeof value !== 'string' || !value.trim()) return null;
  const attempts = [
    value.trim(),
    // "Tue, 09 Jun 2020 10:00:00 EDT" and friends: zone names Date.parse does not know.
    value.trim().replace(/\b(EDT|EST|CDT|CST|MDT|MST|PDT|PST|UT|GMT|Z)$/i, (zone) => ({ EDT: '-0400', EST: '-0500', CDT: '-0500', CST: '-0600', MDT: '-0600', MST: '-0700', PDT: '-0700', PST: '-0800', UT: '+0000', GMT: '+0000', Z: '+0000' })[zone.toUpperCase()] ?? zone),
    // A weekday that does not match the date: the date wins.
    value.trim().replace(/^[A-Za-z]{3},?\s+/, ''),
  ];
  for (const attempt of attempts) {
    const time = Date.parse(attempt);
    if (!Number.isNaN(time) && time > Date.UTC(1990, 0, 1)) return new Date(time).toISOString();
  }
  return null;
}

export function contentHashOf(item: Omit<FeedItem, 'contentHash' | 'guid'>): string {
  const seen = { title: item.title, summary: item.summary, content: item.content, url: item.canonicalUrl, authors: item.authors, categories: item.categories };
  return createHash('sha256').update(JSON.stringify(seen)).digest('hex');
}
