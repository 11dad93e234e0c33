import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CommandBus } from '@nestjs/cqrs';
import { ImportBriefCommand } from '@briefwatch/brief';
import { verifyWebhook, WEBHOOK_HEADERS } from '@briefwatch/subscriptions';
import { startFeedServer, waitFor, type FeedServer } from '@briefwatch/testing';
import { startSystem, type RunningSystem } from './running-system.js';

const spri = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'briefs', 'spri-ai-brief-2020-06.txt'));
const BRIEF = 'spri-ai-brief-2020-06';
const extraItems: string[] = [];
const feed = () => `<rss version="2.0"><channel><title>News</title>${extraItems.join('')}
  <item><title>Portland votes to bar city agencies from facial recognition</title><link>https://news.example.org/boston</link><guid>boston</guid>
    <description>Council members cited misidentifications and privacy before the unanimous vote.</description></item>
  <item><title>Amazon tests delivery drones over Cambridge</title><link>https://news.example.org/drones</link><guid>drones</guid><description>Prime Air trial.</description></item>
</channel></rss>`;

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
  answered: number;
}

describe('alerts: new related coverage reaches a subscriber once, signed', () => {
  let server: FeedServer;
  let system: RunningSystem;
  const received: Received[] = [];

  beforeAll(async () => {
    server = await startFeedServer({
      '/news.xml': (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed()),
      // The receiver fails the first delivery, then accepts.
      '/hook': async (req, res) => {
        let body = '';
        for await (const chunk of req) body += chunk;
        const answered = received.length === 0 ? 500 : 200;
        received.push({ headers: req.headers, body, answered });
        res.writeHead(answered).end();
      },
    });
    system = await startSystem({
      ingestor: true,
      linker: true,
      alerter: true,
      env: { FETCH_ALLOW: server.hostPort, WEBHOOK_ALLOW: server.hostPort, ALERT_RETRY_BASE_MS: '200', ALERT_TICK_MS: '50', INGEST_TICK_MS: '50', POLL_INTERVAL_INITIAL_S: '1', POLL_INTERVAL_FLOOR_S: '1', POLL_INTERVAL_CEILING_S: '1' },
    });
    await system.api.get(CommandBus).execute(new ImportBriefCommand({ briefId: BRIEF, fileName: null, bytes: spri, overrides: null }, 'e2e-alerts'));
  });

  afterAll(async () => {
    await system?.stop();
    await server?.stop();
  });

  const post = async (route: string, body: unknown) => {
    const response = await fetch(`${system.baseUrl}${route}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${system.apiKey}` }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('delivers one signed alert for the matching story, retrying after a 500, and none for the near-miss or another topic', async () => {
    const faces = await post('/subscriptions', { name: 'faces', target: { kind: 'topic', briefId: BRIEF, topicId: 't2' }, webhookUrl: server.url('/hook') });
    expect(faces.status).toBe(201);
    const secret = faces.body.secret as string;
    expect(secret).toMatch(/^whsec_/);
    // Stored sealed: the database alone holds nothing that signs (the delivery below is signed with the secret all the same).
    const stored = await system.db.prisma.webhookSecret.findUniqueOrThrow({ where: { subscriptionId: faces.body.subscriptionId as string } });
    expect(stored.secret).toMatch(/^v1:/);
    expect(stored.secret).not.toContain(secret.slice('whsec_'.length, 'whsec_'.length + 12));
    const gpt = await post('/subscriptions', { name: 'gpt', target: { kind: 'topic', briefId: BRIEF, topicId: 't3' }, webhookUrl: server.url('/hook') });
    await waitFor(() => system.db.prisma.subscription.count(), (n) => n === 2, { description: 'both subscriptions projected' });

    expect((await post('/sources', { feedUrl: server.url('/news.xml') })).status).toBe(202);
    await waitFor(() => received.filter((r) => r.answered === 200).length, (n) => n === 1, { description: 'a delivered alert', timeoutMs: 45_000 });

    const [failed, delivered] = received;
    expect(failed!.headers[WEBHOOK_HEADERS.idempotencyKey]).toBe(delivered!.headers[WEBHOOK_HEADERS.idempotencyKey]);
    expect(verifyWebhook(secret, delivered!.headers[WEBHOOK_HEADERS.timestamp] as string, delivered!.headers[WEBHOOK_HEADERS.signature] as string, delivered!.body)).toBe(true);
    expect(verifyWebhook('whsec_wrong', delivered!.headers[WEBHOOK_HEADERS.timestamp] as string, delivered!.headers[WEBHOOK_HEADERS.signature] as string, delivered!.body)).toBe(false);
    const alert = JSON.parse(delivered!.body);
    expect(alert).toMatchObject({ revised: false, brief: { briefId: BRIEF, topicId: 't2' }, article: { title: 'Portland votes to bar city agencies from facial recognition' } });
    expect(alert.why.length).toBeGreaterThan(0);

    // The receiver has answered; the alerter records the attempt just after.
    const history = await waitFor(
      async () => (await (await fetch(`${system.baseUrl}/subscriptions/${faces.body.subscriptionId as string}/alerts`)).json()) as { items: Array<{ state: string; attempts: Array<{ status: number }> }> },
      (h) => h.items[0]?.state === 'delivered',
      { description: 'the delivery recorded' },
    );
    expect(history.items).toHaveLength(1);
    expect(history.items[0]).toMatchObject({ state: 'delivered' });
    expect(history.items[0]!.attempts.map((a) => a.status)).toEqual([500, 200]);
    expect(await system.db.prisma.alertQueue.count({ where: { subscriptionId: gpt.body.subscriptionId as string } })).toBe(0);
  });

  it('never alerts twice for the same story, however often it is polled', async () => {
    const polls = async () => system.db.prisma.sourcePoll.count();
    const before = await polls();
    await waitFor(polls, (n) => n >= before + 3, { description: 'three more polls of the feed' });
    expect(await system.db.prisma.alertQueue.count()).toBe(1);
    expect(received.filter((r) => r.answered === 200)).toHaveLength(1);
  });

  it('refuses a webhook aimed at an internal address, and a subscription without a key', async () => {
    const internal = await post('/subscriptions', { name: 'x', target: { kind: 'brief', briefId: BRIEF }, webhookUrl: 'http://169.254.169.254/latest' });
    expect(internal.status).toBe(422);
    expect(internal.body).toMatchObject({ code: 'SUBSCRIPTION.INVALID_WEBHOOK', detail: expect.stringMatching(/WEBHOOK_ALLOW=169\.254\.169\.254:80/) });
    const withoutKey = await fetch(`${system.baseUrl}/subscriptions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'y', target: { kind: 'brief', briefId: BRIEF }, webhookUrl: server.url('/hook') }) });
    expect(withoutKey.status).toBe(401);
  });

  it('shows a webhook URL whole only to key holders, and the live alert stream only to them', async () => {
    const faces = await system.db.prisma.subscription.findFirstOrThrow({ where: { name: 'faces' } });
    const anonymous = (await (await fetch(`${system.baseUrl}/subscriptions/${faces.id}`)).json()) as { channel: { url: string } };
    const host = new URL(server.url('/hook')).host;
    expect(anonymous.channel.url).toBe(`http://${host}/…`);
    const listed = (await (await fetch(`${system.baseUrl}/subscriptions`)).json()) as { items: Array<{ channel: { url: string } }> };
    expect(listed.items.map((s) => s.channel.url)).toEqual(listed.items.map(() => `http://${host}/…`));
    expect(JSON.stringify(listed)).not.toContain('/hook');
    const withKey = (await (await fetch(`${system.baseUrl}/subscriptions/${faces.id}`, { headers: { authorization: `Bearer ${system.apiKey}` } })).json()) as { channel: { url: string } };
    expect(withKey.channel.url).toBe(server.url('/hook'));

    const stream = await fetch(`${system.baseUrl}/alerts/stream?subscriptionId=${faces.id}`);
    expect(stream.status).toBe(401);
    expect(await stream.json()).toMatchObject({ code: 'AUTH.MISSING_KEY', detail: expect.stringMatching(/live alert stream .* always needs an API key/) });
  });

  it('streams alerts live to Server-Sent Events clients', async () => {
    const faces = await system.db.prisma.subscription.findFirstOrThrow({ where: { name: 'faces' } });
    const controller = new AbortController();
    const response = await fetch(`${system.baseUrl}/alerts/stream?subscriptionId=${faces.id}`, { signal: controller.signal, headers: { authorization: `Bearer ${system.apiKey}` } });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = response.body!.getReader();
    const events: Array<{ event: string; data: Record<string, unknown> }> = [];
    let buffer = '';
    const pump = (async () => {
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        buffer += new TextDecoder().decode(value);
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (data) events.push({ event, data: JSON.parse(data) });
        }
      }
    })();
    await waitFor(() => events.some((e) => e.event === 'ready'), Boolean, { description: 'the stream ready' });

    extraItems.push('<item><title>Microsoft pulls emotion detection from its facial recognition service</title><link>https://news.example.org/azure-face</link><guid>azure-face</guid><description>Microsoft limits access to its facial recognition service for police.</description></item>');
    const live = await waitFor(() => events.filter((e) => e.event === 'alert'), (list) => list.length >= 1, { description: 'a live alert', timeoutMs: 45_000 });
    expect(live[0]!.data).toMatchObject({ subscriptionId: faces.id, topicId: 't2', revised: false });
    controller.abort();
    await pump;
  });
});
