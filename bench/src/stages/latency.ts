import { Linker } from '@briefwatch/linking';
import { SystemUnderTest } from '@briefwatch/service-processes';
import { conditionalFeed, startFeedServer, waitFor } from '@briefwatch/testing';
import { bundledBrief, demoStories, escapeXml, inventedWord, seededRandom } from '../corpus.js';
import { quantile, round, type Stage } from '../stage.js';

const FEEDS = 4;
const ITEMS_PER_SECOND = 20;
const GOAL_P99_MS = 1_000;

interface Item {
  feed: number;
  guid: string;
  title: string;
  summary: string;
  appearsAtMs: number;
}

/**
 * Poll-to-alert latency: items appear at a steady rate in feeds the ingestor polls (every
 * second, the shortest interval briefwatch allows), each a different story that follows up a
 * topic of the brief; a webhook subscription to the brief sends each to a local receiver. An
 * item's latency runs from the moment it appears in its feed to the moment its alert arrives.
 */
export const latencyBench: Stage = async ({ brokers, latencyItems, log }) => {
  const linker = new Linker(bundledBrief());
  const random = seededRandom(7);
  const word = () => inventedWord(Math.floor(random() * 1_000_000));
  // Stories whose summary alone follows up a topic; each item a story of its own (titles share nothing, so no alert groups two).
  const stories = demoStories().filter((s) => linker.link({ id: s.id, title: '', summary: s.summary }).topics.length > 0);
  const items: Item[] = Array.from({ length: latencyItems }, (_, n) => ({
    feed: n % FEEDS,
    guid: `lat-${n}`,
    title: `Dispatch ${n}: ${word()} ${word()} ${word()}`,
    summary: stories[n % stories.length]!.summary,
    appearsAtMs: (n * 1000) / ITEMS_PER_SECOND,
  }));
  const byTitle = new Map(items.map((item) => [item.title, item]));
  const alertedAt = new Map<string, number>();
  let startedAt = 0;

  const server = await startFeedServer();
  for (let feed = 0; feed < FEEDS; feed += 1) {
    server.route(
      `/feed-${feed}.xml`,
      conditionalFeed(() => {
        const elapsed = startedAt === 0 ? -1 : performance.now() - startedAt;
        const visible = items.filter((item) => item.feed === feed && item.appearsAtMs <= elapsed).slice(-50).reverse();
        return `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire ${feed}</title><link>https://wire.example.org/</link>${visible
          .map((item) => `<item><title>${escapeXml(item.title)}</title><link>https://wire.example.org/${item.guid}</link><guid>${item.guid}</guid><description>${escapeXml(item.summary)}</description></item>`)
          .join('')}</channel></rss>`;
      }),
    );
  }
  server.route('/webhook', (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const arrived = performance.now() - startedAt;
      const payload = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { article?: { title?: string }; outlets?: Array<{ title?: string }> };
      for (const outlet of [payload.article, ...(payload.outlets ?? [])]) {
        if (outlet?.title && byTitle.has(outlet.title) && !alertedAt.has(outlet.title)) alertedAt.set(outlet.title, arrived);
      }
      response.writeHead(200).end();
    });
  });

  const system = await SystemUnderTest.start({ brokers, env: { FETCH_ALLOW: server.hostPort, WEBHOOK_ALLOW: server.hostPort } });
  try {
    await system.post('/subscriptions', { name: 'latency', target: { kind: 'brief', briefId: 'spri-ai-brief-2020-06' }, webhookUrl: server.url('/webhook'), minScore: 0 });
    await waitFor(() => system.db.prisma.subscription.count(), (n) => n === 1, { description: 'the subscription projected' });
    for (let feed = 0; feed < FEEDS; feed += 1) await system.post('/sources', { feedUrl: server.url(`/feed-${feed}.xml`) });
    await waitFor(() => server.requests.filter((r) => r.path.startsWith('/feed-')).length >= FEEDS * 2, Boolean, { description: 'every feed polled', timeoutMs: 60_000 });
    startedAt = performance.now();
    const epoch = Date.now();
    log(`latency: ${latencyItems} items at ${ITEMS_PER_SECOND}/s over ${FEEDS} feeds ...`);
    await waitFor(() => alertedAt.size, (n) => n >= latencyItems, { description: `alerts for all ${latencyItems} items`, timeoutMs: (latencyItems / ITEMS_PER_SECOND) * 1000 + 120_000, intervalMs: 200 });

    // Where the time went, from what the store and the alert queue recorded: waiting for the poll, then each stage of the pipeline.
    const stages = await system.db.prisma.$queryRaw<Array<{ title: string; fetched: Date; stored: Date; linked: Date | null; queued: Date | null }>>`
      SELECT a.data->>'title' AS title, (a.data->>'fetchedAt')::timestamptz AS fetched, a.recorded_at AS stored,
             (SELECT min(l.recorded_at) FROM events l WHERE l.stream_id = 'link-' || (a.data->>'articleId')) AS linked,
             (SELECT min(i.created_at) FROM alert_items i WHERE i.article_id = (a.data->>'articleId')::uuid) AS queued
      FROM events a WHERE a.type = 'ArticleDiscovered'`;
    const at = (date: Date | null) => (date ? date.getTime() - epoch : Number.NaN);
    const spans = { total: [] as number[], pollWait: [] as number[], pipeline: [] as number[], toStore: [] as number[], toLink: [] as number[], toQueue: [] as number[], toDeliver: [] as number[] };
    for (const row of stages) {
      const item = byTitle.get(row.title);
      const alerted = item && alertedAt.get(item.title);
      if (!item || alerted === undefined) continue;
      spans.total.push(alerted - item.appearsAtMs);
      spans.pollWait.push(at(row.fetched) - item.appearsAtMs);
      spans.pipeline.push(alerted - at(row.fetched));
      spans.toStore.push(at(row.stored) - at(row.fetched));
      spans.toLink.push(at(row.linked) - at(row.stored));
      spans.toQueue.push(at(row.queued) - at(row.linked));
      spans.toDeliver.push(alerted - at(row.queued));
    }
    const summary = (values: number[]) => {
      const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
      return { p50: Math.round(quantile(sorted, 0.5)), p95: Math.round(quantile(sorted, 0.95)), p99: Math.round(quantile(sorted, 0.99)), max: Math.round(sorted[sorted.length - 1]!) };
    };
    const totals = summary(spans.total);
    const waits = summary(spans.pollWait);
    const pipe = summary(spans.pipeline);
    const steps = { toStore: summary(spans.toStore), toLink: summary(spans.toLink), toQueue: summary(spans.toQueue), toDeliver: summary(spans.toDeliver) };
    log(`latency: p50 ${totals.p50} ms, p95 ${totals.p95} ms, p99 ${totals.p99} ms (pipeline alone p99 ${pipe.p99} ms)`);
    return {
      stage: 'latency',
      title: 'Poll-to-alert latency',
      method: `${latencyItems.toLocaleString('en')} items appear at ${ITEMS_PER_SECOND} a second in ${FEEDS} RSS feeds on a local server, each feed polled every second (the shortest interval briefwatch allows; feeds answer 304 while unchanged). Each item is a story of its own that follows up a topic of the brief, and a webhook subscription to the brief (minimum score 0) sends each to a local receiver. All six services run as separate processes, one instance each. "Poll wait" runs from the item's appearance to the fetch that found it (the article's fetchedAt); "pipeline" from that fetch to the alert's arrival.`,
      figures: { items: latencyItems, itemsPerSecond: ITEMS_PER_SECOND, feeds: FEEDS, totalMs: totals, pollWaitMs: waits, pipelineMs: pipe, pipelineStepsMs: steps },
      table: {
        columns: ['span', 'p50 (ms)', 'p95 (ms)', 'p99 (ms)', 'max (ms)'],
        rows: [
          ['appearance in the feed → webhook alert', totals.p50, totals.p95, totals.p99, totals.max],
          ['appearance → fetched (waiting for the poll)', waits.p50, waits.p95, waits.p99, waits.max],
          ['fetched → webhook alert (the pipeline)', pipe.p50, pipe.p95, pipe.p99, pipe.max],
          ['… fetched → stored (ingestor)', steps.toStore.p50, steps.toStore.p95, steps.toStore.p99, steps.toStore.max],
          ['… stored → first link stored (relay, Kafka, linker)', steps.toLink.p50, steps.toLink.p95, steps.toLink.p99, steps.toLink.max],
          ['… linked → alert queued (relay, Kafka, alerter)', steps.toQueue.p50, steps.toQueue.p95, steps.toQueue.p99, steps.toQueue.max],
          ['… queued → webhook received (delivery)', steps.toDeliver.p50, steps.toDeliver.p95, steps.toDeliver.p99, steps.toDeliver.max],
        ],
      },
      goals: [{ goal: `poll-to-alert p99 under ${GOAL_P99_MS.toLocaleString('en')} ms`, measured: `p99 ${totals.p99.toLocaleString('en')} ms over ${latencyItems.toLocaleString('en')} items (p50 ${totals.p50} ms)`, met: totals.p99 < GOAL_P99_MS }],
      notes: [],
    };
  } finally {
    await system.stop();
    await server.stop();
  }
};
