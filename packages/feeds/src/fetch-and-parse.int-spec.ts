import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import iconv from 'iconv-lite';
import { startFeedServer, type FeedServer } from '@briefwatch/testing';
import { AllowList } from './address-guard.js';
import { FeedError } from './fetch-errors.js';
import { fetchFeed, type FetchRequest } from './http-fetcher.js';
import { parseFeed } from './parse-feed.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'test-feeds');
const fixture = (name: string) => readFileSync(path.join(fixtures, name));
const rss = (items: string, head = '<?xml version="1.0"?>') => `${head}<rss version="2.0"><channel><title>t</title><link>https://example.org/</link>${items}</channel></rss>`;

describe('fetching and reading feeds from a local server', () => {
  let server: FeedServer;
  let allow: AllowList;

  beforeAll(async () => {
    server = await startFeedServer();
    allow = new AllowList([server.hostPort]);
  });
  afterAll(async () => server.stop());

  const serve = (route: string, body: Buffer | string, headers: Record<string, string> = {}, status = 200) =>
    server.route(route, (_req, res) => void res.writeHead(status, { 'content-type': 'application/rss+xml', ...headers }).end(body));

  async function read(route: string, extra: Partial<FetchRequest> = {}) {
    const response = await fetchFeed({ url: server.url(route), allow, ...extra });
    return { response, feed: await parseFeed(response.body, response.headers['content-type'], response.url) };
  }

  async function failure(promise: Promise<unknown>): Promise<FeedError> {
    try {
      await promise;
    } catch (error) {
      expect(error).toBeInstanceOf(FeedError);
      return error as FeedError;
    }
    throw new Error('expected a FeedError');
  }

  describe('formats the publishers use', () => {
    it('reads RSS 2.0 with media:content, dc:creator, content:encoded and CDATA', async () => {
      serve('/wired.xml', fixture('wired-ai.rss.xml'));
      const { feed } = await read('/wired.xml');
      expect(feed).toMatchObject({ format: 'rss', title: 'Feed: Artificial Intelligence Latest' });
      const [bill, openai] = feed.items;
      expect(bill).toMatchObject({
        guid: '5ee3a1f0d1c0a200081b1d0c',
        canonicalUrl: 'https://www.wired.com/story/bill-congress-limit-facial-recognition/?mbid=social',
        title: 'A Bill in Congress Would Limit Uses of Facial Recognition',
        authors: ['Tom Simonite'],
        categories: ['Security', 'Artificial Intelligence'],
        media: [{ url: 'https://media.wired.com/photos/5ee3/master/pass/Security_face.jpg', type: 'image/jpeg', medium: 'image' }],
        published: '2020-06-12T19:15:00.000Z',
      });
      expect(bill!.summary).toBe('A proposal from Democrats would ban police from using face recognition on body-camera footage & more.');
      expect(bill!.content).toContain('<b>facial recognition</b>');
      expect(openai!.title).toBe('OpenAI’s Text Generator Goes Commercial & Opens an API');
      expect(openai!.published).toBe('2020-06-11T20:00:00.000Z');
    });

    it('reads Atom, with categories and HTML titles', async () => {
      serve('/economist.atom', fixture('economist-science.atom.xml'), { 'content-type': 'application/atom+xml' });
      const { feed } = await read('/economist.atom');
      expect(feed.format).toBe('atom');
      expect(feed.items[0]).toMatchObject({
        title: 'An understanding of AI’s limitations is starting to sink in',
        authors: ['The Economist'],
        categories: ['Technology Quarterly'],
        published: '2020-06-11T15:00:00.000Z',
        updated: '2020-06-13T09:00:00.000Z',
        summary: 'After years of hype, many people feel AI has failed to deliver.',
      });
    });

    it('reads RSS 1.0 (RDF), as arXiv serves it', async () => {
      serve('/arxiv.rdf', fixture('arxiv-cs-cl.rdf.xml'));
      const { feed } = await read('/arxiv.rdf');
      expect(feed.format).toBe('rdf');
      expect(feed.items[0]).toMatchObject({ link: 'http://arxiv.org/abs/2005.14165', published: '2020-05-28T17:29:03.000Z', authors: ['Tom B. Brown, Benjamin Mann, Nick Ryder'] });
    });

    it('reads an empty feed as no items, not as an error', async () => {
      serve('/empty.xml', rss(''));
      expect((await read('/empty.xml')).feed.items).toEqual([]);
    });
  });

  describe('being thrifty with publishers', () => {
    it('sends the validators it was given and takes 304 as "no change"', async () => {
      server.route('/conditional.xml', (req, res) => {
        if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
        res.writeHead(200, { etag: '"v1"', 'last-modified': 'Fri, 12 Jun 2020 19:15:00 GMT' }).end(rss('<item><title>x</title></item>'));
      });
      const first = await fetchFeed({ url: server.url('/conditional.xml'), allow });
      expect(first).toMatchObject({ status: 200, notModified: false });
      expect(first.headers.etag).toBe('"v1"');
      const second = await fetchFeed({ url: server.url('/conditional.xml'), allow, etag: first.headers.etag, lastModified: first.headers['last-modified'] });
      expect(second).toMatchObject({ status: 304, notModified: true });
      expect(second.body.length).toBe(0);
    });

    it('asks for and reads gzip and brotli bodies', async () => {
      const body = fixture('wired-ai.rss.xml');
      serve('/gzip.xml', zlib.gzipSync(body), { 'content-encoding': 'gzip' });
      serve('/br.xml', zlib.brotliCompressSync(body), { 'content-encoding': 'br' });
      expect((await read('/gzip.xml')).feed.items).toHaveLength(2);
      expect((await read('/br.xml')).feed.items).toHaveLength(2);
      expect(server.requests.find((r) => r.path === '/gzip.xml')!.headers['accept-encoding']).toMatch(/gzip.*br/);
    });
  });

  describe('charsets', () => {
    const korean = '안면인식 금지 법안';
    it.each([
      ['windows-1252 from the header', 'windows-1252', 'Café “quotes” – dash', { 'content-type': 'application/rss+xml; charset=windows-1252' }, ''],
      ['ISO-8859-2 from the prolog', 'iso-8859-2', 'Zażółć gęślą', {}, 'iso-8859-2'],
      ['EUC-KR from the prolog', 'euc-kr', korean, {}, 'euc-kr'],
      ['Shift_JIS from the header', 'shift_jis', '顔認識の禁止', { 'content-type': 'text/xml; charset=Shift_JIS' }, ''],
      ['GBK from the prolog', 'gbk', '人脸识别禁令', {}, 'gbk'],
    ])('decodes %s to UTF-8', async (_what, encoding, title, headers, prologEncoding) => {
      const head = prologEncoding ? `<?xml version="1.0" encoding="${prologEncoding}"?>` : '<?xml version="1.0"?>';
      const route = `/charset-${encoding}.xml`;
      serve(route, iconv.encode(rss(`<item><title>${title}</title><guid>1</guid></item>`, head), encoding), headers);
      expect((await read(route)).feed.items[0]!.title).toBe(title);
    });

    it('decodes UTF-16 with a byte-order mark', async () => {
      serve('/utf16.xml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(rss('<item><title>안면인식</title><guid>1</guid></item>'), 'utf16le')]));
      expect((await read('/utf16.xml')).feed.items[0]!.title).toBe('안면인식');
    });

    it('reads a feed with an invalid charset label as UTF-8 and says so', async () => {
      serve('/bad-charset.xml', rss('<item><title>plain</title><guid>1</guid></item>'), { 'content-type': 'application/rss+xml; charset=x-no-such-charset' });
      const { feed } = await read('/bad-charset.xml');
      expect(feed.items[0]!.title).toBe('plain');
      expect(feed.warnings).toEqual([expect.stringMatching(/^FEED\.UNKNOWN_CHARSET: "x-no-such-charset"/)]);
    });
  });

  describe('sloppy feeds, mended', () => {
    it('reads HTML entities, a bare ampersand and bad dates, keeping the item', async () => {
      serve('/sloppy.xml', rss('<item><title>AT&T&nbsp;and&hellip; more</title><guid>1</guid><pubDate>sometime last week</pubDate></item><item><title>ok</title><guid>2</guid><pubDate>Mon, 09 Jun 2020 10:00:00 GMT</pubDate></item>'));
      const { feed } = await read('/sloppy.xml');
      expect(feed.items[0]).toMatchObject({ title: 'AT&T and… more', published: null });
      expect(feed.items[1]!.published).toBe('2020-06-09T10:00:00.000Z');
      expect(feed.warnings).toEqual([expect.stringMatching(/^FEED\.BAD_DATE: "sometime last week"/)]);
    });

    it('keeps the first of two items with the same guid', async () => {
      serve('/dupes.xml', rss('<item><title>first</title><guid>same</guid></item><item><title>second</title><guid>same</guid></item>'));
      const { feed } = await read('/dupes.xml');
      expect(feed.items.map((i) => i.title)).toEqual(['first']);
      expect(feed.warnings).toEqual([expect.stringMatching(/^FEED\.DUPLICATE_GUID/)]);
    });
  });

  describe('hostile and broken input', () => {
    it('names truncated XML as malformed', async () => {
      serve('/truncated.xml', rss('<item><title>cut').slice(0, -30));
      expect(await failure(read('/truncated.xml'))).toMatchObject({ code: 'FEED.MALFORMED' });
    });

    it('names an HTML page served as a feed', async () => {
      serve('/page.html', '<!DOCTYPE html><html><head><title>Home</title></head><body>hi</body></html>', { 'content-type': 'text/html' });
      expect(await failure(read('/page.html'))).toMatchObject({ code: 'FEED.NOT_A_FEED' });
    });

    it('never expands a billion-laughs entity', async () => {
      const lol = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('')}]>`;
      serve('/laughs.xml', rss('<item><title>&lol9;</title><guid>1</guid></item>', lol));
      const started = Date.now();
      const { feed } = await read('/laughs.xml');
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(feed.items[0]!.title).toBe('&lol9;');
      expect(feed.warnings).toEqual([expect.stringMatching(/^FEED\.DTD_IGNORED/)]);
    });

    it('never reads an external entity (XXE)', async () => {
      const xxe = '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>';
      serve('/xxe.xml', rss('<item><title>&xxe;</title><guid>1</guid></item>', xxe));
      const { feed } = await read('/xxe.xml');
      expect(feed.items[0]!.title).toBe('&xxe;');
      expect(JSON.stringify(feed)).not.toMatch(/root:/);
    });

    it('stops reading a 50 MB body at the cap', async () => {
      server.route('/huge.xml', (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        const chunk = Buffer.alloc(1024 * 1024, 0x20);
        let sent = 0;
        const pump = () => {
          while (sent < 50 && res.write(chunk)) sent += 1;
          if (sent < 50) res.once('drain', () => ((sent += 1), pump()));
          else res.end();
        };
        pump();
      });
      const error = await failure(fetchFeed({ url: server.url('/huge.xml'), allow, limits: { maxBodyBytes: 2 * 1024 * 1024 } }));
      expect(error.code).toBe('FETCH.TOO_LARGE');
    });

    it('stops inflating a gzip bomb at the cap', async () => {
      const bomb = zlib.gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
      expect(bomb.length).toBeLessThan(200 * 1024);
      serve('/bomb.xml', bomb, { 'content-encoding': 'gzip' });
      expect(await failure(fetchFeed({ url: server.url('/bomb.xml'), allow, limits: { maxBodyBytes: 4 * 1024 * 1024 } }))).toMatchObject({ code: 'FETCH.TOO_LARGE' });
    });

    it('gives up on a server that sends one byte a second', async () => {
      server.route('/slow.xml', (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write('<')), 1_000);
        res.on('close', () => clearInterval(timer));
      });
      const started = Date.now();
      expect(await failure(fetchFeed({ url: server.url('/slow.xml'), allow, limits: { totalTimeoutMs: 1_500 } }))).toMatchObject({ code: 'FETCH.TIMEOUT' });
      expect(Date.now() - started).toBeLessThan(3_000);
    });

    it('stops a redirect loop', async () => {
      server.route('/loop-a', (_req, res) => void res.writeHead(302, { location: '/loop-b' }).end());
      server.route('/loop-b', (_req, res) => void res.writeHead(302, { location: '/loop-a' }).end());
      expect(await failure(fetchFeed({ url: server.url('/loop-a'), allow }))).toMatchObject({ code: 'FETCH.REDIRECT_LOOP' });
    });

    it('refuses a redirect from an allowed host to a private address, before connecting', async () => {
      server.route('/to-metadata', (_req, res) => void res.writeHead(301, { location: 'http://169.254.169.254/latest/meta-data/' }).end());
      server.route('/to-other-port', (_req, res) => void res.writeHead(302, { location: 'http://127.0.0.1:9/feed' }).end());
      expect(await failure(fetchFeed({ url: server.url('/to-metadata'), allow }))).toMatchObject({ code: 'FETCH.BLOCKED_ADDRESS' });
      expect(await failure(fetchFeed({ url: server.url('/to-other-port'), allow }))).toMatchObject({ code: 'FETCH.BLOCKED_ADDRESS' });
    });

    it('refuses loopback and private addresses unless allowed, also when a name resolves to them', async () => {
      serve('/feed.xml', rss(''));
      expect(await failure(fetchFeed({ url: server.url('/feed.xml') }))).toMatchObject({ code: 'FETCH.BLOCKED_ADDRESS' });
      expect(await failure(fetchFeed({ url: `http://localhost:${server.port}/feed.xml` }))).toMatchObject({ code: 'FETCH.BLOCKED_ADDRESS' });
      const alias = readFileSync('/etc/hosts', 'utf8').split('\n').map((l) => l.trim().split(/\s+/)).find(([ip, ...names]) => ip?.startsWith('127.') && names.some((n) => n !== 'localhost'))?.find((n, i) => i > 0 && n !== 'localhost');
      if (alias) expect(await failure(fetchFeed({ url: `http://${alias}:${server.port}/feed.xml` }))).toMatchObject({ code: 'FETCH.BLOCKED_ADDRESS' });
      expect(await failure(fetchFeed({ url: 'http://10.0.0.1/feed.xml' }))).toMatchObject({ code: 'FETCH.BLOCKED_ADDRESS' });
      expect(await failure(fetchFeed({ url: 'http://[::1]/feed.xml' }))).toMatchObject({ code: 'FETCH.BLOCKED_ADDRESS' });
      expect(await failure(fetchFeed({ url: 'file:///etc/passwd' }))).toMatchObject({ code: 'FETCH.BAD_URL' });
    });

    it.each([
      [404, 'FETCH.NOT_FOUND'],
      [410, 'FETCH.GONE'],
      [500, 'FETCH.HTTP_ERROR'],
    ])('names an HTTP %i', async (status, code) => {
      serve(`/status-${status}`, 'nope', {}, status);
      expect(await failure(fetchFeed({ url: server.url(`/status-${status}`), allow }))).toMatchObject({ code, details: { status } });
    });

    it('hands back the Retry-After of a 429', async () => {
      serve('/busy', 'slow down', { 'retry-after': '120' }, 429);
      expect(await failure(fetchFeed({ url: server.url('/busy'), allow }))).toMatchObject({ code: 'FETCH.RATE_LIMITED', details: { status: 429, retryAfterSeconds: 120 } });
    });
  });
});
