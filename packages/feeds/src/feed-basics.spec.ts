import { AllowList, isPublicAddress } from './address-guard.js';
import { canonicalUrl } from './canonical-url.js';
import { feedDate, plainText } from './feed-item.js';
import { hardenXml } from './harden-xml.js';
import { guardedLookup, retryAfterSeconds } from './http-fetcher.js';

describe('the address guard', () => {
  it.each(['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1'])(
    'refuses %s',
    (address) => expect(isPublicAddress(address)).toBe(false),
  );

  it.each(['93.184.216.34', '151.101.1.69', '2606:4700::6810:85e5', '::ffff:93.184.216.34'])('lets %s through', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it('refuses a name that resolves to a private address without naming the address', async () => {
    const lookup = guardedLookup('localhost', 8080, new AllowList([]));
    const error = await new Promise<Error | null>((resolve) => lookup('localhost', {}, (e) => resolve(e)));
    expect(error).toMatchObject({ code: 'FETCH.BLOCKED_ADDRESS', message: 'localhost resolves to a private address; allow it with --allow localhost:8080' });
  });

  it('allows exactly the listed host:port entries', () => {
    const allow = new AllowList(['127.0.0.1:8080', 'Feeds.Internal:443']);
    expect(allow.allows('127.0.0.1', 8080)).toBe(true);
    expect(allow.allows('127.0.0.1', 8081)).toBe(false);
    expect(allow.allows('feeds.internal', 443)).toBe(true);
    expect(() => new AllowList(['127.0.0.1'])).toThrow(/host:port/);
  });
});

describe('canonical URLs', () => {
  it('drops tracking parameters, fragments and default ports, and keeps what names the page', () => {
    expect(canonicalUrl('HTTPS://WWW.Example.com:443/a/B?utm_source=rss&id=7&fbclid=x#top')).toBe('https://www.example.com/a/B?id=7');
    expect(canonicalUrl('/story/1?smid=tw-share', 'https://www.nytimes.com/section/technology')).toBe('https://www.nytimes.com/story/1');
    expect(canonicalUrl('javascript:alert(1)')).toBeNull();
  });
});

describe('feed dates and text', () => {
  it.each([
    ['Fri, 12 Jun 2020 19:15:00 +0000', '2020-06-12T19:15:00.000Z'],
    ['Thu, 11 Jun 2020 16:00:00 EDT', '2020-06-11T20:00:00.000Z'],
    ['2020-06-09T10:00:00Z', '2020-06-09T10:00:00.000Z'],
    ['Sun, 12 Jun 2020 19:15:00 GMT', '2020-06-12T19:15:00.000Z'],
    ['not a date', null],
    ['0000-00-00', null],
  ])('reads %s as %s', (written, iso) => expect(feedDate(written)).toBe(iso));

  it('turns HTML into plain text without scripts', () => {
    expect(plainText('<p>Face <b>recognition</b>&nbsp;bans</p><script>alert(1)</script><p>spread</p>')).toBe('Face recognition bans spread');
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfterSeconds('120')).toBe(120);
    expect(retryAfterSeconds('Fri, 12 Jun 2020 19:17:00 GMT', Date.parse('Fri, 12 Jun 2020 19:15:00 GMT'))).toBe(120);
    expect(retryAfterSeconds('soon')).toBeUndefined();
  });

  it('leaves CDATA alone while mending entities outside it', () => {
    expect(hardenXml('<a>x &nbsp; & y</a><b><![CDATA[a & b &nbsp;]]></b>').xml).toBe('<a>x \u00a0 &amp; y</a><b><![CDATA[a & b &nbsp;]]></b>');
  });
});
