import type { FeedRoute } from '@briefwatch/testing';
import { WEBHOOK_HEADERS } from '@briefwatch/subscriptions';
import type { RunningSystem } from './running-system.js';

/** One POST a test receiver got: headers, body, and what it answered. */
export interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json: Record<string, unknown>;
  answered: number;
  idempotencyKey: string;
}

/** A webhook endpoint for tests: records every POST and answers what `answer` says (200 unless told). */
export function webhookReceiver(received: Received[], answer: (received: Received[]) => number = () => 200): FeedRoute {
  return async (request, response) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    const answered = answer(received);
    received.push({ headers: request.headers, body, json: JSON.parse(body), answered, idempotencyKey: request.headers[WEBHOOK_HEADERS.idempotencyKey] as string });
    response.writeHead(answered).end();
  };
}

/** A write request to the running system's API, with its key. */
export async function postJson(system: RunningSystem, route: string, body: unknown = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${system.baseUrl}${route}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${system.apiKey}` }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export async function getJson<T = Record<string, unknown>>(system: RunningSystem, route: string): Promise<T> {
  return (await (await fetch(`${system.baseUrl}${route}`)).json()) as T;
}

/** An RSS document with these items (title, guid, description). */
export function rss(items: Array<{ title: string; guid: string; description: string }>): string {
  const body = items.map((i) => `<item><title>${i.title}</title><link>https://news.example.org/${i.guid}</link><guid>${i.guid}</guid><description>${i.description}</description></item>`).join('');
  return `<rss version="2.0"><channel><title>News</title>${body}</channel></rss>`;
}
