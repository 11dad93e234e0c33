import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CommandBus } from '@nestjs/cqrs';
import { Kafka, logLevel } from 'kafkajs';
import { ImportBriefCommand } from '@briefwatch/brief';
import { undeliverableAlertsTopic } from '@briefwatch/contracts';
import { verifyWebhook, WEBHOOK_HEADERS } from '@briefwatch/subscriptions';
import { startFeedServer, testKafkaBrokers, waitFor, type FeedServer, rss, webhookReceiver, type Received } from '@briefwatch/testing';
import { startSystem, type RunningSystem } from './running-system.js';
import { getJson, postJson } from './api-requests.js';

const spri = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'briefs', 'spri-ai-brief-2020-06.txt'));
const BRIEF = 'spri-ai-brief-2020-06';

const FACES = { title: 'Portland votes to bar city agencies from facial recognition', guid: 'boston', description: 'Council members cited misidentifications and privacy before the unanimous vote.' };
const GPT = { title: 'OpenAI opens its GPT-3 language model to developers through a commercial API', guid: 'gpt3-api', description: 'OpenAI will sell access to GPT-3, its 175 billion parameter language model, through an API.' };
/** The same story, reworded by each outlet as outlets do. */
const IBM_TITLES: Record<string, string> = {
  Reuters: 'IBM will no longer offer general purpose facial recognition software',
  CNN: 'IBM to stop offering general purpose facial recognition software',
  'The Verge': 'IBM will no longer offer or develop general purpose facial recognition software',
};
const IBM = (outlet: string) => ({
  title: IBM_TITLES[outlet]!,
  guid: `ibm-${outlet.replace(/ /g, '-')}`,
  description: `${outlet}: IBM CEO Arvind Krishna wrote to Congress that the company opposes facial recognition for mass surveillance and racial profiling.`,
});

describe('alert channels: digests, one alert per story, source health, replay', () => {
  let server: FeedServer;
  let system: RunningSystem;
  const feeds: Record<string, { status: number; items: Array<{ title: string; guid: string; description: string }> }> = {};
  const hooks: Record<string, Received[]> = { digest: [], story: [], health: [], broken: [] };
  let brokenAnswers = 500;
  let digestSubscription: { id: string; secret: string };

  const addFeed = async (name: string, items: (typeof feeds)[string]['items'] = [], status = 200) => {
    feeds[name] = { status, items };
    const registered = await postJson(system, '/sources', { feedUrl: server.url(`/feeds/${name}.xml`) });
    expect(registered.status).toBe(202);
    return registered.body.sourceId as string;
  };
  const subscribe = async (body: Record<string, unknown>) => {
    const created = await postJson(system, '/subscriptions', { minScore: 0.3, ...body });
    expect(created.status).toBe(201);
    const id = created.body.subscriptionId as string;
    await waitFor(() => system.db.prisma.subscription.count({ where: { id } }), (n) => n === 1, { description: 'the subscription projected' });
    return { id, secret: created.body.secret as string };
  };

  beforeAll(async () => {
    server = await startFeedServer({
      '/hooks/digest': webhookReceiver(hooks.digest!),
      '/hooks/story': webhookReceiver(hooks.story!),
      '/hooks/health': webhookReceiver(hooks.health!),
      '/hooks/broken': webhookReceiver(hooks.broken!, () => brokenAnswers),
    });
    for (const name of ['digest', 'story-a', 'story-b', 'story-c', 'flaky', 'quiet', 'broken']) {
      server.route(`/feeds/${name}.xml`, (_req, res) => {
        const feed = feeds[name]!;
        res.writeHead(feed.status, { 'content-type': 'application/rss+xml' }).end(feed.status === 200 ? rss(feed.items) : 'unavailable');
      });
    }
    system = await startSystem({
      ingestor: true,
      linker: true,
      alerter: true,
      env: {
        FETCH_ALLOW: server.hostPort,
        WEBHOOK_ALLOW: server.hostPort,
        ALERT_RETRY_BASE_MS: '100',
        ALERT_MAX_ATTEMPTS: '2',
        ALERT_TICK_MS: '50',
        ALERT_GROUP_HOLD_S: '4',
        INGEST_TICK_MS: '50',
        POLL_INTERVAL_INITIAL_S: '1',
        POLL_INTERVAL_FLOOR_S: '1',
        POLL_INTERVAL_CEILING_S: '1',
        FAILING_AFTER: '2',
        SOURCE_QUIET_FACTOR: '1',
        SOURCE_QUIET_MIN_S: '2',
      },
    });
    await system.api.get(CommandBus).execute(new ImportBriefCommand({ briefId: BRIEF, fileName: null, bytes: spri, overrides: null }, 'e2e-alert-channels'));
  });

  afterAll(async () => {
    await system?.stop();
    await server?.stop();
  });

  it('gathers several articles into one signed digest, grouped by topic and claim', async () => {
    const digest = await subscribe({ name: 'morning digest', target: { kind: 'brief', briefId: BRIEF }, webhookUrl: server.url('/hooks/digest'), digest: 'daily' });
    digestSubscription = digest;
    await addFeed('digest', [FACES, GPT]);
    const held = await waitFor(() => system.db.prisma.alertQueue.findMany({ where: { subscriptionId: digest.id } }), (rows) => rows.length === 2, { description: 'two alerts held for the digest', timeoutMs: 45_000 });
    expect(held.map((row) => row.state)).toEqual(['in-digest', 'in-digest']);
    expect(hooks.digest).toHaveLength(0);

    expect((await postJson(system, `/subscriptions/${digest.id}/digest`)).status).toBe(202);
    await waitFor(() => hooks.digest!.length, (n) => n === 1, { description: 'the digest delivered' });
    const [message] = hooks.digest!;
    expect(verifyWebhook(digest.secret, message!.headers[WEBHOOK_HEADERS.timestamp] as string, message!.headers[WEBHOOK_HEADERS.signature] as string, message!.body)).toBe(true);
    expect(message!.json).toMatchObject({ kind: 'digest', subscriptionId: digest.id, every: 'daily', count: 2 });
    const topics = message!.json.topics as Array<{ topicId: string; title: string; articles: Array<{ title: string }>; claims: Array<{ claimId: string; text: string; articles: Array<{ title: string }> }> }>;
    expect(topics.map((t) => t.topicId)).toEqual(['t2', 't3']);
    for (const topic of topics) {
      expect(topic.title.length).toBeGreaterThan(0);
      const titles = [...topic.articles, ...topic.claims.flatMap((c) => c.articles)].map((a) => a.title);
      expect(new Set(titles)).toEqual(new Set([topic.topicId === 't2' ? FACES.title : GPT.title]));
      for (const claim of topic.claims) expect(claim.claimId.startsWith(`${topic.topicId}.`)).toBe(true);
    }
    expect(await system.db.prisma.alertQueue.count({ where: { subscriptionId: digest.id, state: 'digested' } })).toBe(2);

    // Asking again with nothing new sends nothing.
    expect((await postJson(system, `/subscriptions/${digest.id}/digest`)).status).toBe(202);
    const polls = await system.db.prisma.sourcePoll.count();
    await waitFor(() => system.db.prisma.sourcePoll.count(), (n) => n >= polls + 2, { description: 'two more polls' });
    expect(hooks.digest).toHaveLength(1);
  });

  it('rotates a webhook secret: during the overlap alerts verify with the old secret or the new, after a rotation without overlap only with the newest', async () => {
    const digest = digestSubscription;
    const verifies = (secret: string, message: Received) => verifyWebhook(secret, message.headers[WEBHOOK_HEADERS.timestamp] as string, message.headers[WEBHOOK_HEADERS.signature] as string, message.body);
    const sendDigestWith = async (item: (typeof feeds)[string]['items'][number]) => {
      const sent = hooks.digest!.length;
      feeds.digest!.items.push(item);
      await waitFor(() => system.db.prisma.alertQueue.count({ where: { subscriptionId: digest.id, state: 'in-digest' } }), (n) => n === 1, { description: 'the new article held for the digest', timeoutMs: 45_000 });
      expect((await postJson(system, `/subscriptions/${digest.id}/digest`)).status).toBe(202);
      await waitFor(() => hooks.digest!.length, (n) => n === sent + 1, { description: 'the digest delivered' });
      return hooks.digest![sent]!;
    };

    const anonymous = await fetch(`${system.baseUrl}/subscriptions/${digest.id}/secret`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(anonymous.status).toBe(401);
    expect((await postJson(system, `/subscriptions/${digest.id}/secret`, { overlapHours: 24 * 365 })).body).toMatchObject({ code: 'REQUEST.INVALID' });
    expect((await postJson(system, `/subscriptions/${randomUUID()}/secret`)).body).toMatchObject({ code: 'SUBSCRIPTION.NOT_FOUND' });

    const rotated = await postJson(system, `/subscriptions/${digest.id}/secret`, { overlapHours: 2 });
    expect(rotated.status).toBe(200);
    const second = rotated.body.secret as string;
    expect(second).toMatch(/^whsec_/);
    expect(second).not.toBe(digest.secret);
    expect(Date.parse(rotated.body.previousValidUntil as string) - Date.now()).toBeGreaterThan(119 * 60_000);
    const during = await sendDigestWith({ title: 'City council weighs a ban on police face scanning cameras', guid: 'rotation-overlap', description: 'Residents asked the council to stop police use of facial recognition after a false match.' });
    expect(verifies(second, during)).toBe(true);
    expect(verifies(digest.secret, during)).toBe(true);
    expect(verifies('whsec_never-issued', during)).toBe(false);

    // The alerter appends the delivery to the subscription's stream as the rotation reads it: the rotation is decided again, never refused.
    const rotatedAgain = await postJson(system, `/subscriptions/${digest.id}/secret`, { overlapHours: 0 });
    expect(rotatedAgain.status).toBe(200);
    const third = rotatedAgain.body.secret as string;
    const after = await sendDigestWith({ title: 'Researchers publish an open language model rivalling GPT-3 on text generation', guid: 'rotation-after', description: 'The model writes articles and answers questions after seeing only a few examples, like GPT-3.' });
    expect(verifies(third, after)).toBe(true);
    expect(verifies(second, after)).toBe(false);
    expect(verifies(digest.secret, after)).toBe(false);
    // The rotations are on the subscription's stream, for the audit trail, and no secret is in them.
    const rotations = await system.db.prisma.event.findMany({ where: { streamId: `subscription-${digest.id}`, type: 'WebhookSecretRotated' } });
    expect(rotations).toHaveLength(2);
    expect(JSON.stringify(rotations.map((event) => event.data))).not.toMatch(/whsec_/);
  });

  it('makes one alert of the same story from several outlets, and one follow-up listing the latecomers', async () => {
    const story = await subscribe({ name: 'faces', target: { kind: 'topic', briefId: BRIEF, topicId: 't2' }, webhookUrl: server.url('/hooks/story') });
    await addFeed('story-a', [IBM('Reuters')]);
    await waitFor(() => hooks.story!.length, (n) => n === 1, { description: 'the first outlet alerted', timeoutMs: 45_000 });
    const first = hooks.story![0]!.json;
    expect(first).toMatchObject({ kind: 'coverage', followUpOf: null, article: { title: IBM_TITLES.Reuters } });

    await Promise.all([addFeed('story-b', [IBM('CNN')]), addFeed('story-c', [IBM('The Verge')])]);
    await waitFor(() => hooks.story!.length, (n) => n === 2, { description: 'one follow-up', timeoutMs: 45_000 });
    const followUp = hooks.story![1]!.json as { followUpOf: string; article: { id: string }; outlets: Array<{ id: string }> };
    expect(followUp.followUpOf).toBe(first.alertId);
    expect(new Set([followUp.article, ...followUp.outlets].map((a) => (a as unknown as { title: string }).title))).toEqual(new Set([IBM_TITLES.CNN, IBM_TITLES['The Verge']]));
    const grouped = await system.db.prisma.alertItem.findMany({ where: { subscriptionId: story.id } });
    expect(grouped).toHaveLength(3);
    expect(new Set(grouped.map((item) => item.alertId)).size).toBe(2);
    // Polls go on; nobody is alerted again.
    const polls = await system.db.prisma.sourcePoll.count();
    await waitFor(() => system.db.prisma.sourcePoll.count(), (n) => n >= polls + 3, { description: 'three more polls' });
    expect(hooks.story).toHaveLength(2);
  });

  it('tells a subscriber when a watched source fails, recovers, and goes quiet', async () => {
    const flakyId = await addFeed('flaky', [], 500);
    const quietId = await addFeed('quiet', [{ title: 'First post', guid: 'q1', description: 'hello' }]);
    await subscribe({ name: 'flaky health', target: { kind: 'source', sourceId: flakyId }, webhookUrl: server.url('/hooks/health'), notify: { coverage: false, sourceHealth: true } });
    await subscribe({ name: 'quiet health', target: { kind: 'source', sourceId: quietId }, webhookUrl: server.url('/hooks/health'), notify: { coverage: false, sourceHealth: true } });
    const conditions = (sourceId: string) => hooks.health!.filter((h) => (h.json.source as { id: string }).id === sourceId).map((h) => h.json.condition);

    await waitFor(() => conditions(flakyId), (c) => c.includes('failing'), { description: 'a failing alert', timeoutMs: 45_000 });
    feeds.flaky!.status = 200;
    await waitFor(() => conditions(flakyId), (c) => c.includes('recovered'), { description: 'a recovered alert', timeoutMs: 45_000 });
    expect(conditions(flakyId)).toEqual(['failing', 'recovered']);

    // The quiet feed publishes twice (so it has a rhythm), then stops.
    await waitFor(() => system.db.prisma.sourcePoll.count({ where: { sourceId: quietId } }), (n) => n >= 1, { description: 'the quiet feed polled' });
    feeds.quiet!.items.push({ title: 'Second post', guid: 'q2', description: 'again' });
    const quiet = await waitFor(() => hooks.health!.filter((h) => h.json.condition === 'quiet'), (list) => list.length === 1, { description: 'a quiet alert', timeoutMs: 45_000 });
    expect(quiet[0]!.json).toMatchObject({ kind: 'source-health', source: { id: quietId, feedUrl: server.url('/feeds/quiet.xml') }, detail: { sourceId: quietId } });
    // The source's own read model shows it too, once its projection has caught up with the alert.
    await waitFor(() => getJson<{ quietSince: string | null }>(system, `/sources/${quietId}`), (source) => source.quietSince !== null, { description: 'the source shown quiet' });
  });

  it('sets aside an alert after its last attempt, publishes it as undeliverable, flags the endpoint, and replays it once fixed', async () => {
    const broken = await subscribe({ name: 'broken endpoint', target: { kind: 'topic', briefId: BRIEF, topicId: 't3' }, webhookUrl: server.url('/hooks/broken') });
    const startedAt = new Date(Date.now() - 1000).toISOString();
    await addFeed('broken', [{ ...GPT, guid: 'gpt3-broken', title: 'GPT-3 API waitlist opens for developers' }]);
    await waitFor(() => getJson<{ failing: boolean }>(system, `/subscriptions/${broken.id}`), (s) => s.failing, { description: 'the endpoint flagged', timeoutMs: 45_000 });
    const history = await getJson<{ items: Array<{ alertId: string; state: string; attempts: Array<{ status: number }> }> }>(system, `/subscriptions/${broken.id}/alerts`);
    expect(history.items).toHaveLength(1);
    expect(history.items[0]).toMatchObject({ state: 'failed', attempts: [{ status: 500 }, { status: 500 }] });
    const alertId = history.items[0]!.alertId;

    const kafka = new Kafka({ clientId: 'e2e-undeliverable', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `e2e-undeliverable-${randomUUID()}` });
    const letters: Array<Record<string, unknown>> = [];
    await consumer.connect();
    await consumer.subscribe({ topic: undeliverableAlertsTopic(system.topicPrefix), fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void letters.push(JSON.parse(message.value!.toString())) });
    try {
      await waitFor(() => letters, (list) => list.some((l) => l.alertId === alertId), { description: 'the undeliverable alert on its topic', timeoutMs: 30_000 });
    } finally {
      await consumer.disconnect();
    }
    expect(letters.find((l) => l.alertId === alertId)).toMatchObject({ subscriptionId: broken.id, attempts: 2, lastStatus: 500, endpoint: server.url('/hooks/broken') });

    brokenAnswers = 200;
    expect((await postJson(system, `/subscriptions/${broken.id}/replay`, { since: startedAt })).status).toBe(202);
    await waitFor(() => hooks.broken!.filter((h) => h.answered === 200), (ok) => ok.length === 1, { description: 'the replayed alert delivered', timeoutMs: 30_000 });
    expect(new Set(hooks.broken!.map((h) => h.idempotencyKey))).toEqual(new Set([alertId]));
    await waitFor(() => getJson<{ failing: boolean }>(system, `/subscriptions/${broken.id}`), (s) => !s.failing, { description: 'the flag cleared' });
    expect((await postJson(system, `/subscriptions/${broken.id}/replay`, { since: '2999-01-01T00:00:00Z' })).body).toMatchObject({ code: 'SUBSCRIPTION.INVALID_SINCE' });
  });

  it('alerts a saved query only on coverage that mentions its terms; queues nothing for a paused subscription; refuses changes to a removed one', async () => {
    const query = await subscribe({ name: 'rekognition', target: { kind: 'query', briefId: BRIEF, topicIds: ['t2'], terms: ['Rekognition'] }, webhookUrl: server.url('/hooks/story') });
    const paused = await subscribe({ name: 'paused', target: { kind: 'topic', briefId: BRIEF, topicId: 't2' }, webhookUrl: server.url('/hooks/story') });
    expect((await postJson(system, `/subscriptions/${paused.id}/pause`)).status).toBe(202);
    await waitFor(() => getJson<{ status: string }>(system, `/subscriptions/${paused.id}`), (s) => s.status === 'paused', { description: 'paused' });
    feeds['story-a']!.items.push({ title: 'Amazon extends its moratorium on police use of Rekognition facial recognition', guid: 'rekognition', description: 'Amazon says the pause on police use of its face recognition software continues.' });
    await waitFor(() => system.db.prisma.alertQueue.count({ where: { payload: { path: ['article', 'title'], string_contains: 'Rekognition' } } }), (n) => n >= 1, { description: 'the article alerted elsewhere', timeoutMs: 45_000 });
    expect(await system.db.prisma.alertQueue.count({ where: { subscriptionId: paused.id } })).toBe(0);
    const answered = await system.db.prisma.alertQueue.findMany({ where: { subscriptionId: query.id } });
    expect(answered.map((a) => (a.payload as { article: { title: string } }).article.title)).toEqual([expect.stringContaining('Rekognition')]);

    const removal = await fetch(`${system.baseUrl}/subscriptions/${paused.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${system.apiKey}` } });
    expect(removal.status).toBe(202);
    await waitFor(() => getJson<{ status: string }>(system, `/subscriptions/${paused.id}`), (s) => s.status === 'removed', { description: 'removed' });
    expect((await postJson(system, `/subscriptions/${paused.id}/resume`)).body).toMatchObject({ code: 'SUBSCRIPTION.ALREADY_REMOVED' });
    const listed = await getJson<{ items: Array<{ id: string }> }>(system, '/subscriptions');
    expect(listed.items.map((s) => s.id)).not.toContain(paused.id);
  });
});
