import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFeedServer, type FeedServer } from '@briefwatch/testing';
import { runCliCapturing, NO_SERVICES } from './cli-harness.js';

const wired = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'packages', 'feeds', 'test-feeds', 'wired-ai.rss.xml'));

describe('npx briefwatch fetch', () => {
  let server: FeedServer;
  beforeAll(async () => {
    server = await startFeedServer({
      '/wired.xml': (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(wired),
      '/page': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>not a feed</body></html>'),
    });
  });
  afterAll(async () => server.stop());

  const cli = (...argv: string[]) => runCliCapturing(argv, NO_SERVICES);

  it('prints one JSON line per URL: the feed and its items, or a named error', async () => {
    const result = await cli('fetch', server.url('/wired.xml'), server.url('/page'), 'http://169.254.169.254/latest/meta-data', '--allow', server.hostPort, '--json');
    expect(result.code).toBe(1);
    const [ok, html, blocked] = result.lines.map((line) => JSON.parse(line));
    expect(ok).toMatchObject({ url: server.url('/wired.xml'), status: 200, feed: { title: 'Feed: Artificial Intelligence Latest' } });
    expect(ok.items[0]).toEqual({
      guid: '5ee3a1f0d1c0a200081b1d0c',
      link: 'https://www.wired.com/story/bill-congress-limit-facial-recognition/?utm_source=rss&utm_medium=feed&mbid=social',
      title: 'A Bill in Congress Would Limit Uses of Facial Recognition',
      summary: 'A proposal from Democrats would ban police from using face recognition on body-camera footage & more.',
      authors: ['Tom Simonite'],
      categories: ['Security', 'Artificial Intelligence'],
      published: '2020-06-12T19:15:00.000Z',
      updated: null,
    });
    expect(html).toEqual({ url: server.url('/page'), error: { code: 'FEED.NOT_A_FEED', message: expect.any(String) } });
    expect(blocked.error.code).toBe('FETCH.BLOCKED_ADDRESS');
  });

  it('refuses the local server unless it is allowed', async () => {
    const result = await cli('fetch', server.url('/wired.xml'), '--json');
    expect(JSON.parse(result.lines[0]!).error.code).toBe('FETCH.BLOCKED_ADDRESS');
  });
});
