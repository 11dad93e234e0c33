import { testKafkaBrokers, waitFor } from '@briefwatch/testing';
import type { ServiceName } from '@briefwatch/config';
import { ItemStream, type ItemStreamOptions } from './item-stream.js';
import { SystemUnderTest } from '@briefwatch/service-processes';

export const BRIEF = 'spri-ai-brief-2020-06';

export interface Scenario {
  system: SystemUnderTest;
  stream: ItemStream;
  /** Articles the read model holds now. */
  articles(): Promise<number>;
  /** Resolves once at least `n` articles are in the read model: a point in the middle of the stream. */
  reachArticles(n: number): Promise<void>;
  stop(): Promise<void>;
}

export interface ScenarioOptions {
  brokers?: string;
  stream?: Partial<ItemStreamOptions>;
  instances?: Partial<Record<ServiceName, number>>;
  /** Settings for every service, besides the scenario's own. */
  env?: Record<string, string>;
}

/**
 * The system running as processes, with the brief imported, a feed server whose feeds fill
 * with a stream of items over time, those feeds registered, and a webhook subscription to
 * the whole brief: every linked article must reach the receiver.
 */
export async function startScenario(options: ScenarioOptions = {}): Promise<Scenario> {
  const stream = await ItemStream.start({ items: 150, feeds: 3, everyMs: 120, reviseEvery: 10, ...options.stream });
  let system: SystemUnderTest | undefined;
  try {
    system = await SystemUnderTest.start({
      brokers: options.brokers ?? testKafkaBrokers().join(','),
      env: { FETCH_ALLOW: stream.server.hostPort, WEBHOOK_ALLOW: stream.server.hostPort, ...options.env },
      ...(options.instances ? { instances: options.instances } : {}),
    });
    await system.post('/subscriptions', { name: 'everything', target: { kind: 'brief', briefId: BRIEF }, webhookUrl: stream.webhookUrl, minScore: 0 });
    await waitFor(() => system!.db.prisma.subscription.count(), (n) => n === 1, { description: 'the subscription projected' });
    for (const feedUrl of stream.feedUrls) await system.post('/sources', { feedUrl });
    await stream.begin();
  } catch (error) {
    await system?.stop({ keepLogs: true });
    await stream.stop();
    throw error;
  }
  const running = system;
  const articles = () => running.db.prisma.article.count();
  // The stream revises an item once the ingestor has stored its first version.
  let revising = true;
  const reviser = (async () => {
    while (revising) {
      const stored = await running.db.prisma.$queryRaw<Array<{ guid: string }>>`SELECT data->>'guid' AS guid FROM events WHERE type = 'ArticleDiscovered'`.catch(() => []);
      stream.reviseStored(new Set(stored.map((row) => row.guid)));
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  return {
    system: running,
    stream,
    articles,
    reachArticles: async (n) => {
      await waitFor(articles, (count) => count >= n, { description: `${n} articles in the read model`, timeoutMs: 90_000, intervalMs: 100 });
    },
    stop: async () => {
      revising = false;
      await reviser;
      await running.stop();
      await stream.stop();
    },
  };
}
