import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitFor } from '@briefwatch/testing';
import { signatureHeader, signWebhook, WEBHOOK_HEADERS } from './webhook-signature.js';

const example = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'examples', 'webhook-receiver.mjs');
const SECRET = 'whsec_example-secret';

describe('the README example webhook receiver', () => {
  let child: ChildProcess;
  let output = '';
  let url: string;

  beforeAll(async () => {
    child = spawn(process.execPath, [example], { env: { ...process.env, WEBHOOK_SECRET: SECRET, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (chunk) => (output += chunk));
    const listening = await waitFor(() => /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output), Boolean, { description: 'the example listening' });
    url = listening![1]!;
  });
  afterAll(() => {
    child?.kill();
  });

  const deliver = async (alert: object, options: { secrets?: string[]; timestamp?: number; key?: string } = {}) => {
    const body = JSON.stringify(alert);
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [WEBHOOK_HEADERS.timestamp]: String(timestamp), [WEBHOOK_HEADERS.signature]: signatureHeader(options.secrets ?? [SECRET], timestamp, body), [WEBHOOK_HEADERS.idempotencyKey]: options.key ?? 'a1' },
      body,
    });
    return { status: response.status, text: await response.text() };
  };
  const coverage = { kind: 'coverage', alertId: 'a1', revised: false, followUpOf: null, score: 0.64, article: { title: 'IBM will no longer offer facial recognition software', url: 'https://news.example.org/ibm' }, outlets: [{}, {}] };

  it('accepts a correctly signed alert once, and says what it was', async () => {
    expect(await deliver(coverage)).toEqual({ status: 200, text: 'ok' });
    await waitFor(() => output, (o) => o.includes('new: IBM will no longer offer facial recognition software <https://news.example.org/ibm> (score 0.64) (+2 more outlets)'), { description: 'the alert printed' });
    expect(await deliver(coverage)).toEqual({ status: 200, text: 'already had it' });
  });

  it('verifies a Korean alert whose bytes arrive split inside a character', async () => {
    const alert = { ...coverage, alertId: 'k1', article: { title: '안면인식 기술 공급 중단 연장', url: 'https://news.example.org/ko' } };
    const body = Buffer.from(JSON.stringify(alert), 'utf8');
    const timestamp = Math.floor(Date.now() / 1000);
    // Cut one byte into the first Hangul syllable (three bytes in UTF-8), and send the halves apart.
    const cut = body.indexOf(Buffer.from('안', 'utf8')) + 1;
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': body.length, [WEBHOOK_HEADERS.timestamp]: String(timestamp), [WEBHOOK_HEADERS.signature]: signWebhook(SECRET, timestamp, body.toString('utf8')), [WEBHOOK_HEADERS.idempotencyKey]: 'k1' },
      });
      request.on('response', (response) => resolve(response.statusCode ?? 0)).on('error', reject);
      request.write(body.subarray(0, cut), () => setTimeout(() => request.end(body.subarray(cut)), 50));
    });
    expect(status).toBe(200);
    await waitFor(() => output, (o) => o.includes('new: 안면인식 기술 공급 중단 연장 <https://news.example.org/ko>'), { description: 'the Korean alert printed' });
  });

  it('still verifies, after the secret it holds was rotated, an alert signed by the new secret and by its own', async () => {
    expect(await deliver({ ...coverage, alertId: 'r1' }, { secrets: ['whsec_rotated-in', SECRET], key: 'r1' })).toEqual({ status: 200, text: 'ok' });
  });

  it('refuses a wrong signature and a replayed old delivery', async () => {
    expect((await deliver(coverage, { secrets: ['whsec_wrong'], key: 'a2' })).status).toBe(401);
    expect((await deliver(coverage, { secrets: ['whsec_wrong', 'whsec_other'], key: 'a4' })).status).toBe(401);
    expect((await deliver(coverage, { timestamp: Math.floor(Date.now() / 1000) - 600, key: 'a3' })).status).toBe(401);
  });

  it('prints digests and source-health alerts too', async () => {
    const digest = { kind: 'digest', every: 'daily', count: 1, topics: [{ topicId: 't2', title: 'Facial recognition', articles: [], claims: [{ claimId: 't2.c2', articles: [{ title: 'Amazon extends moratorium', url: 'https://news.example.org/amzn' }] }] }] };
    expect((await deliver(digest, { key: 'd1' })).status).toBe(200);
    expect((await deliver({ kind: 'source-health', condition: 'quiet', source: { id: 's', title: 'Wired', feedUrl: 'https://www.wired.com/feed/rss' } }, { key: 'h1' })).status).toBe(200);
    await waitFor(() => output, (o) => o.includes('daily digest, 1 new:\n  t2 Facial recognition\n    t2.c2: Amazon extends moratorium <https://news.example.org/amzn>') && o.includes('source quiet: Wired <https://www.wired.com/feed/rss>'), { description: 'both printed' });
  });
});
