import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type FeedRoute = (request: http.IncomingMessage, response: http.ServerResponse) => void | Promise<void>;

/** A local HTTP server for tests: routes by path, counts requests, closes every socket on stop. */
export interface FeedServer {
  url(path: string): string;
  /** `127.0.0.1:<port>`: what an allow-list needs to let fetches reach this server. */
  hostPort: string;
  port: number;
  requests: Array<{ path: string; headers: http.IncomingHttpHeaders }>;
  route(path: string, handler: FeedRoute): void;
  stop(): Promise<void>;
}

/** `port` 0 picks a free port; a fixed one lets a test bring a stopped server back where it was. */
export async function startFeedServer(routes: Record<string, FeedRoute> = {}, port = 0): Promise<FeedServer> {
  const table = new Map(Object.entries(routes));
  const requests: FeedServer['requests'] = [];
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer(async (request, response) => {
    const path = (request.url ?? '/').split('?')[0]!;
    requests.push({ path, headers: request.headers });
    const handler = table.get(path);
    if (!handler) {
      response.writeHead(404).end('not found');
      return;
    }
    try {
      await handler(request, response);
    } catch {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    url: (path) => `http://127.0.0.1:${bound}${path}`,
    hostPort: `127.0.0.1:${bound}`,
    port: bound,
    requests,
    route: (path, handler) => void table.set(path, handler),
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * A feed route that answers as real feeds do: the document `render` makes now, with an ETag,
 * and 304 Not Modified to a conditional GET while it has not changed.
 */
export function conditionalFeed(render: () => string): FeedRoute {
  return (request, response) => {
    const document = render();
    const etag = `"${createHash('sha256').update(document).digest('hex').slice(0, 16)}"`;
    if (request.headers['if-none-match'] === etag) return void response.writeHead(304, { etag }).end();
    response.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(document);
  };
}
