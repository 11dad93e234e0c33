import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readBriefDocument, type BriefDocument } from '@briefwatch/brief';
import { repoRoot } from '@briefwatch/service-processes';

export interface Story {
  id: string;
  title: string;
  summary: string;
  publisher: string;
  published: string;
  /** The brief topic the story follows up, or null for a near-miss. */
  expect: string | null;
}

/** The bundled demo's follow-up coverage of the SPRI brief and its near-misses: English news prose about the brief's subjects. */
export function demoStories(): Story[] {
  return (JSON.parse(readFileSync(path.join(repoRoot, 'demo', 'stories.json'), 'utf8')) as { stories: Story[] }).stories;
}

/** The SPRI brief as bundled in briefs/, parsed and profiled. */
export function bundledBrief(): BriefDocument {
  return readBriefDocument(readFileSync(path.join(repoRoot, 'briefs', 'spri-ai-brief-2020-06.txt')));
}

const SYLLABLES = ['ka', 'ro', 'vex', 'li', 'tor', 'mi', 'zan', 'qu', 'el', 'dra', 'no', 'bis', 'tek', 'ur', 'sol', 'pha', 'gen', 'ix', 'ma', 'ven'];

/** Word `n` of a made-up language (at least six letters): names and terms no real text contains. */
export function inventedWord(n: number): string {
  let word = '';
  for (let k = n; word.length < 6 || k > 0; k = Math.floor(k / SYLLABLES.length)) word += SYLLABLES[k % SYLLABLES.length];
  return word;
}

/** A deterministic pseudo-random sequence, so every run measures the same input. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BenchArticle {
  title: string;
  summary: string;
  /** HTML, as publishers put it in content:encoded: paragraphs, links, an image, entities. */
  html: string;
  /** The same body as text: what the linker reads. */
  text: string;
}

/**
 * Article `n` of an endless, repeatable supply: one demo story's title and summary, and a body
 * of five to nine paragraphs (about 2 KB, like a news item's full text in a feed) mixing the
 * story's own sentences with those of stories about other things (the near-misses), so that
 * an article follows up at most the one topic its story does.
 */
export function benchArticle(n: number, stories: readonly Story[] = demoStories()): BenchArticle {
  const random = seededRandom(n + 1);
  const lead = stories[n % stories.length]!;
  const elsewhere = stories.filter((s) => s.expect === null);
  const paragraphs: string[] = [];
  const count = 5 + Math.floor(random() * 5);
  for (let p = 0; p < count; p += 1) {
    const sentences = Array.from({ length: 2 + Math.floor(random() * 3) }, () => (random() < 0.3 || elsewhere.length === 0 ? lead : elsewhere[Math.floor(random() * elsewhere.length)]!).summary);
    paragraphs.push(sentences.join(' '));
  }
  const html = [
    `<p>${escapeXml(lead.summary)}</p>`,
    `<figure><img src="https://cdn.example.com/img/${n}.jpg" alt="Illustration &amp; photo" width="1200" height="675"/></figure>`,
    ...paragraphs.map((text, i) => (i === 1 ? `<p>${escapeXml(text)} <a href="https://example.com/related/${n}">Read more&#8230;</a></p>` : `<p>${escapeXml(text)}</p>`)),
  ].join('\n');
  return { title: `${lead.title} (${n})`, summary: lead.summary, html, text: [lead.summary, ...paragraphs].join('\n\n') };
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const cdata = (text: string) => `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

/** An RSS 2.0 feed as large publishers serve it: full text in content:encoded, Dublin Core authors, categories, media. */
export function rssFeed(first: number, items: number, stories: readonly Story[] = demoStories()): string {
  const entries = Array.from({ length: items }, (_, i) => {
    const n = first + i;
    const a = benchArticle(n, stories);
    const date = new Date(Date.UTC(2020, 5, 1) + n * 600_000).toUTCString();
    return `<item>
  <title>${escapeXml(a.title)}</title>
  <link>https://news.example.com/2020/06/story-${n}?utm_source=rss&amp;utm_medium=feed</link>
  <guid isPermaLink="false">story-${n}</guid>
  <pubDate>${date}</pubDate>
  <dc:creator>${cdata(`Reporter ${n % 17}`)}</dc:creator>
  <category>${cdata('Technology')}</category><category>${cdata('Artificial Intelligence')}</category>
  <description>${cdata(`<p>${a.summary}</p>`)}</description>
  <content:encoded>${cdata(a.html)}</content:encoded>
  <media:content url="https://cdn.example.com/img/${n}.jpg" type="image/jpeg" medium="image"/>
</item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>Technology News</title>
  <link>https://news.example.com/technology</link>
  <atom:link href="https://news.example.com/technology/rss" rel="self" type="application/rss+xml"/>
  <description>The latest technology coverage</description>
  <language>en-us</language>
  <lastBuildDate>${new Date(Date.UTC(2020, 5, 30)).toUTCString()}</lastBuildDate>
${entries.join('\n')}
</channel>
</rss>`;
}

/** An Atom feed with escaped HTML content, as blogs and research labs serve it. */
export function atomFeed(first: number, items: number, stories: readonly Story[] = demoStories()): string {
  const entries = Array.from({ length: items }, (_, i) => {
    const n = first + i;
    const a = benchArticle(n, stories);
    const date = new Date(Date.UTC(2020, 5, 1) + n * 600_000).toISOString();
    return `<entry>
  <title type="html">${escapeXml(a.title)}</title>
  <link rel="alternate" type="text/html" href="https://lab.example.org/blog/post-${n}"/>
  <id>tag:lab.example.org,2020:post-${n}</id>
  <published>${date}</published>
  <updated>${date}</updated>
  <author><name>Author ${n % 11}</name></author>
  <category term="research"/>
  <summary type="html">${escapeXml(a.summary)}</summary>
  <content type="html">${escapeXml(a.html)}</content>
</entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Research Blog</title>
  <link rel="self" href="https://lab.example.org/blog/atom.xml"/>
  <link rel="alternate" href="https://lab.example.org/blog"/>
  <id>tag:lab.example.org,2020:blog</id>
  <updated>2020-06-30T00:00:00Z</updated>
${entries.join('\n')}
</feed>`;
}
