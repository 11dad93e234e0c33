import type { FeedRoute } from './feed-server.js';

/** One POST a test receiver got: headers, body, and what it answered. */
export interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json: Record<string, unknown>;
  answered: number;
  /** The standard `Idempotency-Key` header: the same for every retry of one alert. */
  idempotencyKey: string;
}

/** A webhook endpoint for tests: records every POST and answers what `answer` says (200 unless told). */
export function webhookReceiver(received: Received[], answer: (received: Received[]) => number = () => 200): FeedRoute {
  return async (request, response) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    const answered = answer(received);
    received.push({ headers: request.headers, body, json: JSON.parse(body), answered, idempotencyKey: request.headers['idempotency-key'] as string });
    response.writeHead(answered).end();
  };
}

/** An RSS document with these items (title, guid, description). */
export function rss(items: Array<{ title: string; guid: string; description: string }>): string {
  const body = items.map((i) => `<item><title>${i.title}</title><link>https://news.example.org/${i.guid}</link><guid>${i.guid}</guid><description>${i.description}</description></item>`).join('');
  return `<rss version="2.0"><channel><title>News</title>${body}</channel></rss>`;
}
