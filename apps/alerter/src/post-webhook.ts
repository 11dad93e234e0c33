import http from 'node:http';
import https from 'node:https';
import { AllowList, checkTarget, guardedLookup, portOf } from '@briefwatch/feeds';
import { signatureHeader, WEBHOOK_HEADERS } from '@briefwatch/subscriptions';

export interface WebhookResult {
  status: number | null;
  latencyMs: number;
  error: string | null;
  /** What a 429 or 503 asked for in Retry-After, in seconds. */
  retryAfterSeconds?: number;
}

function retryAfterOf(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.round((at - Date.now()) / 1000));
}

const TIMEOUT_MS = 10_000;
const WEBHOOK_ALLOW_HINT = (hostPort: string) => `WEBHOOK_ALLOW=${hostPort}`;

/**
 * POSTs one signed alert. The same address guard as feed fetching applies: a subscriber
 * cannot point briefwatch's webhooks at internal addresses unless WEBHOOK_ALLOW lists them.
 * Redirects are not followed. Signed with each secret in force (see `signatureHeader`).
 */
export function postWebhook(url: string, secrets: readonly string[], alertId: string, body: string, allow: AllowList): Promise<WebhookResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
      checkTarget(target, allow, WEBHOOK_ALLOW_HINT);
    } catch (error) {
      return resolve({ status: null, latencyMs: elapsed(), error: (error as Error).message });
    }
    const timestamp = Math.floor(Date.now() / 1000);
    const request = (target.protocol === 'https:' ? https : http).request(target, {
      method: 'POST',
      agent: false,
      lookup: guardedLookup(target.hostname, portOf(target), allow, WEBHOOK_ALLOW_HINT),
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        'user-agent': 'briefwatch-alerter/0.1',
        [WEBHOOK_HEADERS.timestamp]: String(timestamp),
        [WEBHOOK_HEADERS.signature]: signatureHeader(secrets, timestamp, body),
        [WEBHOOK_HEADERS.idempotencyKey]: alertId,
      },
    });
    const timer = setTimeout(() => request.destroy(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
    request.on('response', (response) => {
      response.resume();
      response.on('end', () => {
        clearTimeout(timer);
        const retryAfterSeconds = response.statusCode === 429 || response.statusCode === 503 ? retryAfterOf(response.headers['retry-after']) : undefined;
        resolve({ status: response.statusCode ?? null, latencyMs: elapsed(), error: null, ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}) });
      });
    });
    request.on('error', (error) => {
      clearTimeout(timer);
      resolve({ status: null, latencyMs: elapsed(), error: error.message });
    });
    request.end(body);
  });
}
