import type { BriefwatchConfig } from '@briefwatch/config';
import { AllowList, FeedError, fetchFeed, HostLimiter, parseFeed } from '@briefwatch/feeds';
import { CONFIG, ProblemError, type CliCommand } from '@briefwatch/service-kit';

type FetchLine =
  | { url: string; status: number; feed: { title: string | null; link: string | null }; items: unknown[]; warnings?: string[] }
  | { url: string; error: { code: string; message: string } };

async function fetchOne(url: string, allow: AllowList, limits: { totalTimeoutMs: number; maxBodyBytes: number }): Promise<FetchLine> {
  try {
    const response = await fetchFeed({ url, allow, limits });
    const feed = await parseFeed(response.body, response.headers['content-type'], response.url);
    return {
      url,
      status: response.status,
      feed: { title: feed.title, link: feed.link },
      items: feed.items.map(({ guid, link, title, summary, authors, categories, published, updated }) => ({ guid, link, title, summary, authors, categories, published, updated })),
      ...(feed.warnings.length ? { warnings: feed.warnings } : {}),
    };
  } catch (error) {
    if (error instanceof FeedError) return { url, error: { code: error.code, message: error.message } };
    return { url, error: { code: 'FETCH.FAILED', message: (error as Error).message } };
  }
}

export const fetchCli: CliCommand = {
  path: ['fetch'],
  summary: 'fetch and parse feeds once, without Kafka or the database',
  usage: 'briefwatch fetch <url>... [--allow <host:port>]... [--json]',
  options: {
    allow: { type: 'string', multiple: true, description: 'reach this non-public host:port (tests, private feeds); also FETCH_ALLOW' },
    json: { type: 'boolean', description: 'one JSON line per URL' },
  },
  async run({ positionals, options, app, print }) {
    if (positionals.length === 0) throw new ProblemError('FETCH.NO_URL', 'name at least one feed URL');
    const config = app.get<BriefwatchConfig>(CONFIG);
    let allow: AllowList;
    try {
      allow = new AllowList([...config.fetch.allow, ...((options.allow as string[] | undefined) ?? [])]);
    } catch (error) {
      throw new ProblemError('FETCH.INVALID_ALLOW', (error as Error).message);
    }
    const limiter = new HostLimiter(2);
    const lines = await Promise.all(positionals.map((url) => limiter.run(hostOf(url), () => fetchOne(url, allow, config.fetch))));
    for (const line of lines) {
      if (options.json) print(JSON.stringify(line));
      else if ('error' in line) print(`${line.url}\n  error ${line.error.code}: ${line.error.message}`);
      else print(`${line.url}\n  ${line.status} ${line.feed.title ?? '(untitled)'}: ${line.items.length} items${line.warnings ? `, ${line.warnings.length} warnings` : ''}`);
    }
    if (lines.some((line) => 'error' in line)) process.exitCode = 1;
  },
};

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
