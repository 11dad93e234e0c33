// The demo's feeds: a local HTTP server that replays demo/stories.json as each publisher's
// feed (RSS 2.0 or Atom), revealing stories over time, so a newcomer with no network sees
// polls, links, timelines and alerts within a minute. Answers conditional GETs with 304.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const archive = JSON.parse(readFileSync(path.join(here, 'stories.json'), 'utf8'));

const escapeXml = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The stories a publisher's feed shows `elapsedSeconds` into the demo, as they read then, newest first. */
export function storiesAt(publisherKey, elapsedSeconds) {
  return archive.stories
    .filter((story) => story.publisher === publisherKey && story.at <= elapsedSeconds)
    .map((story) => (story.revised && story.revised.at <= elapsedSeconds ? { ...story, ...story.revised } : story))
    .sort((a, b) => b.published.localeCompare(a.published));
}

function rss(publisher, stories) {
  const items = stories
    .map(
      (s) => `    <item>
      <title>${escapeXml(s.title)}</title>
      <link>${publisher.site}/demo/${s.id}</link>
      <guid isPermaLink="false">${publisher.site}/demo/${s.id}</guid>
      <pubDate>${new Date(s.published).toUTCString()}</pubDate>
      <dc:creator>briefwatch demo desk</dc:creator>
      <category>Technology</category>
      <description>${escapeXml(s.summary)}</description>
    </item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${escapeXml(publisher.title)}</title>
    <link>${publisher.site}</link>
    <description>${escapeXml(publisher.title)} (briefwatch demo)</description>
    <language>en-us</language>
${items}
  </channel>
</rss>
`;
}

function atom(publisher, stories) {
  const entries = stories
    .map(
      (s) => `  <entry>
    <id>${publisher.site}/abs/demo.${s.id}</id>
    <title>${escapeXml(s.title)}</title>
    <link href="${publisher.site}/abs/demo.${s.id}"/>
    <published>${s.published}</published>
    <updated>${s.published}</updated>
    <author><name>briefwatch demo desk</name></author>
    <summary>${escapeXml(s.summary)}</summary>
  </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${publisher.site}/demo</id>
  <title>${escapeXml(publisher.title)}</title>
  <updated>${stories[0]?.published ?? '2020-06-01T00:00:00Z'}</updated>
${entries}
</feed>
`;
}

/**
 * Starts the replay server. `speed` compresses the demo's clock (2: everything appears in
 * half the time; Infinity: everything at once, for tests).
 */
export async function startReplayServer({ port = 0, host = '127.0.0.1', speed = 1 } = {}) {
  const started = Date.now();
  const elapsed = () => (speed === Infinity ? Number.MAX_SAFE_INTEGER : ((Date.now() - started) / 1000) * speed);
  const server = http.createServer((request, response) => {
    const key = /^\/feeds\/([a-z0-9-]+)\.xml$/.exec(request.url ?? '')?.[1];
    const publisher = key && archive.publishers[key];
    if (!publisher) return void response.writeHead(404).end('no such feed');
    const stories = storiesAt(key, elapsed());
    const body = publisher.format === 'atom' ? atom(publisher, stories) : rss(publisher, stories);
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    if (request.headers['if-none-match'] === etag) return void response.writeHead(304, { etag }).end();
    response.writeHead(200, { 'content-type': publisher.format === 'atom' ? 'application/atom+xml; charset=utf-8' : 'application/rss+xml; charset=utf-8', etag }).end(body);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const bound = server.address().port;
  return {
    hostPort: `${host}:${bound}`,
    feeds: Object.entries(archive.publishers).map(([key, p]) => ({ key, url: `http://${host}:${bound}/feeds/${key}.xml`, title: p.title, publisher: p.publisher })),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
