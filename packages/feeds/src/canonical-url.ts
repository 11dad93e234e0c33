/** Query parameters that track a click rather than name a page. */
const TRACKING = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'mc_cid', 'mc_eid', 'igshid', 'yclid', '_ga', '_gl',
  'ref', 'ref_src', 'referrer', 'cmpid', 'smid', 'smtyp', 'sr_share', 'ncid', 'ocid', 'cmp', 'mod', 'taid',
  'guccounter', 'soc_src', 'soc_trk', 'at_medium', 'at_campaign', 'xtor', 'spm', 'share', 'feedtype', 'rss',
]);

/**
 * The form of an article URL that names the article: scheme and host lower-cased, default
 * port, fragment and tracking parameters (utm_*, fbclid, ...) removed. Null when the link
 * is not an http(s) URL.
 */
export function canonicalUrl(link: string | null | undefined, base?: string): string | null {
  if (!link) return null;
  let url: URL;
  try {
    url = new URL(link.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  if ((url.protocol === 'http:' && url.port === '80') || (url.protocol === 'https:' && url.port === '443')) url.port = '';
  for (const name of [...url.searchParams.keys()]) {
    const lower = name.toLowerCase();
    if (lower.startsWith('utm_') || TRACKING.has(lower)) url.searchParams.delete(name);
  }
  return url.toString().replace(/\?$/, '');
}
