import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CommandBus } from '@nestjs/cqrs';
import type { INestApplicationContext } from '@nestjs/common';
import { ImportBriefCommand } from '@briefwatch/brief';
import { startFeedServer, waitFor, type FeedServer, rss, webhookReceiver, type Received } from '@briefwatch/testing';
import { startSystem, type RunningSystem } from './running-system.js';
import { getJson, postJson } from './api-requests.js';

const spri = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'briefs', 'spri-ai-brief-2020-06.txt'));
const BRIEF = 'spri-ai-brief-2020-06';

describe('alerts survive a receiver that is down while the alerter restarts', () => {
  let feeds: FeedServer;
  let receiver: FeedServer | undefined;
  let system: RunningSystem;
  let port: number;
  const received: Received[] = [];

  beforeAll(async () => {
    feeds = await startFeedServer({
      '/news.xml': (_req, res) =>
        void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(
          rss([{ title: 'Microsoft will not sell facial recognition to police until there is a federal law', guid: 'msft-police', description: 'Brad Smith said Microsoft would not sell facial recognition technology to police departments.' }]),
        ),
    });
    // A port nothing listens on yet: the receiver is "down".
    const down = await startFeedServer();
    port = down.port;
    await down.stop();
    system = await startSystem({
      ingestor: true,
      linker: true,
      env: {
        FETCH_ALLOW: feeds.hostPort,
        WEBHOOK_ALLOW: `127.0.0.1:${port}`,
        ALERT_RETRY_BASE_MS: '300',
        ALERT_MAX_ATTEMPTS: '50',
        ALERT_TICK_MS: '50',
        INGEST_TICK_MS: '50',
        POLL_INTERVAL_INITIAL_S: '1',
        POLL_INTERVAL_FLOOR_S: '1',
        POLL_INTERVAL_CEILING_S: '1',
      },
    });
    await system.api.get(CommandBus).execute(new ImportBriefCommand({ briefId: BRIEF, fileName: null, bytes: spri, overrides: null }, 'e2e-alert-restarts'));
  });

  afterAll(async () => {
    await system?.stop();
    await receiver?.stop();
    await feeds?.stop();
  });

  it('delivers the alert exactly once after the receiver comes back, though the alerter restarted in between', async () => {
    const hookUrl = `http://127.0.0.1:${port}/hook`;
    let alerter: INestApplicationContext = await system.startAlerter();

    const created = await postJson(system, '/subscriptions', { name: 'faces', target: { kind: 'topic', briefId: BRIEF, topicId: 't2' }, webhookUrl: hookUrl });
    expect(created.status).toBe(201);
    const subscriptionId = created.body.subscriptionId as string;
    await waitFor(() => system.db.prisma.subscription.count(), (n) => n === 1, { description: 'the subscription projected' });
    expect((await postJson(system, '/sources', { feedUrl: feeds.url('/news.xml') })).status).toBe(202);

    const failedAttempts = () => system.db.prisma.alertAttempt.count({ where: { status: null } });
    await waitFor(failedAttempts, (n) => n >= 2, { description: 'deliveries refused while the receiver is down', timeoutMs: 45_000 });
    await alerter.close();
    const attemptsWhileStopped = await failedAttempts();

    receiver = await startFeedServer({ '/hook': webhookReceiver(received) }, port);
    alerter = await system.startAlerter();
    await waitFor(() => received.length, (n) => n >= 1, { description: 'the alert delivered after the restart', timeoutMs: 45_000 });
    const history = await waitFor(
      () => getJson<{ items: Array<{ alertId: string; state: string; attempts: Array<{ status: number | null }> }> }>(system, `/subscriptions/${subscriptionId}/alerts`),
      (h) => h.items[0]?.state === 'delivered',
      { description: 'the delivery recorded' },
    );
    expect(history.items).toHaveLength(1);
    const attempts = history.items[0]!.attempts.map((a) => a.status);
    expect(attempts.at(-1)).toBe(200);
    expect(attempts.slice(0, -1).every((status) => status === null)).toBe(true);
    expect(attempts.length - 1).toBeGreaterThanOrEqual(attemptsWhileStopped);

    // More polls, and the alerter running on: still exactly one POST.
    const polls = await system.db.prisma.sourcePoll.count();
    await waitFor(() => system.db.prisma.sourcePoll.count(), (n) => n >= polls + 3, { description: 'three more polls' });
    expect(received).toHaveLength(1);
    expect(received[0]!.idempotencyKey).toBe(history.items[0]!.alertId);
    await alerter.close();
  });
});
