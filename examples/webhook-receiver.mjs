#!/usr/bin/env node
// A webhook receiver for briefwatch alerts, with nothing but Node: verifies the signature,
// refuses replays older than five minutes, and drops repeats by Idempotency-Key.
//
//   WEBHOOK_SECRET=whsec_... node examples/webhook-receiver.mjs   (listens on 127.0.0.1:8787, or PORT)
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';

const secret = process.env.WEBHOOK_SECRET;
if (!secret) {
  console.error('set WEBHOOK_SECRET to the secret briefwatch showed when the subscription was created');
  process.exit(2);
}
const seen = new Set();

function verify(timestamp, signature, body) {
  if (!signature || !/^\d+$/.test(timestamp ?? '') || Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const expected = Buffer.from(`v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`);
  // After a secret is rotated, alerts carry one signature per secret in force, space-separated: any may match.
  return signature
    .split(' ')
    .map((given) => Buffer.from(given))
    .some((given) => expected.length === given.length && timingSafeEqual(expected, given));
}

http
  .createServer(async (request, response) => {
    // Decode once, whole: a character split between two chunks would not survive decoding each on its own.
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    const body = Buffer.concat(chunks).toString('utf8');
    if (!verify(request.headers['briefwatch-timestamp'], request.headers['briefwatch-signature'], body)) {
      return void response.writeHead(401).end('bad signature');
    }
    const key = request.headers['idempotency-key'];
    if (seen.has(key)) return void response.writeHead(200).end('already had it');
    seen.add(key);
    console.log(describe(JSON.parse(body)));
    response.writeHead(200).end('ok');
  })
  .listen(Number(process.env.PORT ?? 8787), '127.0.0.1', function () {
    console.log(`listening on http://127.0.0.1:${this.address().port}`);
  });

/** One line per alert: new coverage (with the other outlets that carried the story), a digest, or a source's health. */
function describe(alert) {
  switch (alert.kind) {
    case 'digest': {
      const lines = alert.topics.flatMap((topic) => [
        `  ${topic.topicId} ${topic.title}`,
        ...topic.claims.flatMap((claim) => claim.articles.map((a) => `    ${claim.claimId}: ${a.title} <${a.url}>`)),
        ...topic.articles.map((a) => `    ${a.title} <${a.url}>`),
      ]);
      return [`${alert.every ?? ''} digest, ${alert.count} new:`, ...lines].join('\n');
    }
    case 'source-health':
      return `source ${alert.condition}: ${alert.source.title ?? alert.source.id} <${alert.source.feedUrl}>`;
    default: {
      const label = alert.revised ? 'revised' : alert.followUpOf ? 'more outlets' : 'new';
      const others = alert.outlets?.length ? ` (+${alert.outlets.length} more outlets)` : '';
      return `${label}: ${alert.article.title} <${alert.article.url}> (score ${alert.score})${others}`;
    }
  }
}
