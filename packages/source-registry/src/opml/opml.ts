import { decodeHTML } from 'entities';
import type { SourceView } from '../source-view.js';

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

/** The watched sources as OPML 2.0, for any feed reader. Removed sources are left out. */
export function toOpml(sources: readonly SourceView[], now = new Date()): string {
  const outlines = sources
    .filter((source) => source.status !== 'removed')
    .map((source) => {
      const attributes = [
        ['type', 'rss'],
        ['text', source.title],
        ['title', source.title],
        ['xmlUrl', source.feedUrl],
        ['category', source.kind],
        ...(source.publisher ? [['publisher', source.publisher]] : []),
      ];
      return `    <outline ${attributes.map(([name, value]) => `${name}="${escapeXml(value!)}"`).join(' ')}/>`;
    });
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<opml version="2.0">', `  <head><title>briefwatch sources</title><dateCreated>${now.toUTCString()}</dateCreated></head>`, '  <body>', ...outlines, '  </body>', '</opml>', ''].join('\n');
}

export interface OpmlFeed {
  feedUrl: string;
  title: string | null;
  kind: 'publisher' | 'follow-up';
  publisher: string | null;
}

/**
 * The feeds an OPML file lists (nested outlines too). Only attributes are read, with a
 * plain scan: no DTD, no entity expansion beyond HTML's named characters.
 */
export function parseOpml(text: string): OpmlFeed[] {
  if (!/<opml[\s>]/i.test(text)) throw new Error('not an OPML document (no <opml> element)');
  const feeds: OpmlFeed[] = [];
  for (const match of text.matchAll(/<outline\b([^>]*)\/?>/gi)) {
    const attributes = new Map<string, string>();
    for (const attribute of match[1]!.matchAll(/([A-Za-z_:][-\w:.]*)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
      attributes.set(attribute[1]!.toLowerCase(), decodeHTML(attribute[3] ?? attribute[4] ?? ''));
    }
    const feedUrl = attributes.get('xmlurl');
    if (!feedUrl) continue;
    feeds.push({
      feedUrl,
      title: attributes.get('title') ?? attributes.get('text') ?? null,
      kind: attributes.get('category') === 'follow-up' ? 'follow-up' : 'publisher',
      publisher: attributes.get('publisher') ?? null,
    });
  }
  return feeds;
}
