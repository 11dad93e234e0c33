import { readFileSync } from 'node:fs';
import path from 'node:path';
import { conditionalFeed, startFeedServer, waitFor, webhookReceiver, type FeedServer, type Received } from '@briefwatch/testing';
import { repoRoot } from '@briefwatch/service-processes';

interface Story {
  title: string;
  summary: string;
  /** The brief's topic this story is later coverage of, or null for a near-miss: its label. */
  expect: string | null;
}

/** One item of the stream: which feed carries it, when it appears, and whether (and since when) it is revised. */
interface StreamItem {
  feed: number;
  guid: string;
  title: string;
  summary: string;
  appearsAt: number;
  revise: boolean;
  revisedAt: number | null;
  /** The topics the item must end linked to, from its story's label: never from the linker. */
  topics: string[];
  /** HTML published as the item's full text (`content:encoded`), beside its summary. */
  content?: string;
}

export interface ItemStreamOptions {
  items: number;
  feeds: number;
  /** Milliseconds between one item appearing and the next. */
  everyMs: number;
  /** Every n-th item is revised (its summary changes) once the system has stored its first version. */
  reviseEvery: number;
  /** The item at this index publishes its full text too, this many bytes of it: one item far larger than an event may be. */
  bigItem?: { index: number; bytes: number };
  /** The story of the item at this index is published by every feed at the same moment, one copy each besides the item itself. */
  sameStoryEverywhere?: number;
}

/**
 * A steady stream of news for the system to take in: `items` stories spread over `feeds`
 * RSS feeds on a local server, appearing one every `everyMs`, some revised later. The
 * stories are the bundled demo's follow-up coverage of the SPRI brief (and its near-misses),
 * numbered so each is its own article. The same server is the subscribers' webhook.
 */
export class ItemStream {
  readonly received: Received[] = [];
  private readonly stream: StreamItem[];
  private startedAt = 0;

  private constructor(
    readonly server: FeedServer,
    readonly options: ItemStreamOptions,
  ) {
    const stories = (JSON.parse(readFileSync(path.join(repoRoot, 'demo', 'stories.json'), 'utf8')) as { stories: Story[] }).stories;
    this.stream = Array.from({ length: options.items }, (_, i) => {
      const story = stories[i % stories.length]!;
      return {
        feed: i % options.feeds,
        guid: `item-${i}`,
        title: `${story.title} [${i}]`,
        summary: story.summary,
        appearsAt: i * options.everyMs,
        revise: i % options.reviseEvery === 0,
        revisedAt: null,
        topics: story.expect ? [story.expect] : [],
        ...(options.bigItem?.index === i ? { content: bigContent(story.summary, options.bigItem.bytes) } : {}),
      };
    });
    const everywhere = options.sameStoryEverywhere;
    if (everywhere !== undefined) {
      const first = this.stream[everywhere]!;
      for (let feed = 0; feed < options.feeds; feed += 1) {
        this.stream.push({ ...first, feed, guid: `everywhere-${feed}`, summary: `${first.summary} (Feed ${feed}'s copy.)`, revise: false, revisedAt: null });
      }
    }
    for (let feed = 0; feed < options.feeds; feed += 1) {
      // Like real feeds, each answers 304 Not Modified while nothing in it has changed.
      server.route(`/feed-${feed}.xml`, conditionalFeed(() => this.feedDocument(feed)));
    }
    server.route('/webhook', webhookReceiver(this.received));
  }

  static async start(options: ItemStreamOptions): Promise<ItemStream> {
    return new ItemStream(await startFeedServer(), options);
  }

  /** The clock starts once every feed has been polled (empty): items appear from then on. */
  async begin(): Promise<void> {
    await waitFor(() => this.feedUrls.every((url) => this.server.requests.some((request) => url.endsWith(request.path))), Boolean, { description: 'every feed polled once' });
    this.startedAt = Date.now();
  }

  get feedUrls(): string[] {
    return Array.from({ length: this.options.feeds }, (_, feed) => this.server.url(`/feed-${feed}.xml`));
  }

  get webhookUrl(): string {
    return this.server.url('/webhook');
  }

  /** The articles the system must end with, and their revisions (first versions included). */
  get expected(): { articles: number; revisions: number } {
    const revised = this.stream.filter((item) => item.revise).length;
    return { articles: this.stream.length, revisions: this.stream.length + revised };
  }

  /** The guids of the copies of one story that every feed published at once (see `sameStoryEverywhere`). */
  get everywhereGuids(): string[] {
    const index = this.options.sameStoryEverywhere;
    return index === undefined ? [] : [this.stream[index]!.guid, ...this.stream.filter((item) => item.guid.startsWith('everywhere-')).map((item) => item.guid)];
  }

  /** Each item's guid → the topics its story is labelled with (none for a near-miss). */
  get expectedTopics(): ReadonlyMap<string, readonly string[]> {
    return new Map(this.stream.map((item) => [item.guid, item.topics]));
  }

  /**
   * Revises the items due a revision whose first version the system has stored (by guid).
   * Revising only then keeps the count exact: an item revised before any poll kept it
   * would enter the system as a single version.
   */
  reviseStored(storedGuids: ReadonlySet<string>): void {
    const now = Date.now() - this.startedAt;
    for (const item of this.stream) {
      if (item.revise && item.revisedAt === null && storedGuids.has(item.guid)) item.revisedAt = now;
    }
  }

  private feedDocument(feed: number): string {
    const elapsed = this.startedAt === 0 ? -1 : Date.now() - this.startedAt;
    const items = this.stream
      .filter((item) => item.feed === feed && item.appearsAt <= elapsed)
      .map((item) => {
        const revised = item.revisedAt !== null && item.revisedAt <= elapsed;
        const summary = revised ? `${item.summary} (Updated with comment from the company.)` : item.summary;
        const content = item.content ? `<content:encoded><![CDATA[${item.content}]]></content:encoded>` : '';
        return `<item><title>${escapeXml(item.title)}</title><link>https://news.example.org/${item.guid}</link><guid>${item.guid}</guid><description>${escapeXml(summary)}</description>${content}</item>`;
      })
      .reverse()
      .join('');
    return `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Feed ${feed}</title><link>https://news.example.org/</link>${items}</channel></rss>`;
  }

  async stop(): Promise<void> {
    await this.server.stop();
  }
}

/** The story's summary as paragraphs, over and over, to `bytes`: the full text of a very long item on the same story. */
function bigContent(summary: string, bytes: number): string {
  const paragraph = `<p>${escapeXml(summary)}</p>`;
  return paragraph.repeat(Math.ceil(bytes / Buffer.byteLength(paragraph)));
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
