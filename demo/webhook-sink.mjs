// The demo's alert receiver: prints each alert briefwatch POSTs, one line each.
import http from 'node:http';

export async function startWebhookSink({ port = 0, host = '127.0.0.1', print = (line) => process.stdout.write(`${line}\n`) } = {}) {
  const received = [];
  const server = http.createServer(async (request, response) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    try {
      const alert = JSON.parse(body);
      received.push(alert);
      if (alert.kind === 'source-health') print(`[alert] source ${alert.condition}: ${alert.source.title}`);
      else if (alert.kind === 'digest') print(`[alert] digest of ${alert.count}`);
      else {
        const label = alert.revised ? ' (revised where it matched)' : alert.followUpOf ? ' (more outlets for a story already alerted)' : '';
        print(`[alert] ${alert.brief.claimId ?? alert.brief.topicId}: ${alert.article.title}${alert.outlets.length ? ` (+${alert.outlets.length} more outlets)` : ''}${label}`);
      }
    } catch {
      print('[alert] (unreadable body)');
    }
    response.writeHead(200).end('ok');
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const bound = server.address().port;
  return { url: `http://${host}:${bound}/alerts`, hostPort: `${host}:${bound}`, received, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}
