#!/usr/bin/env node
// A webhook receiver for briefwatch alerts, with nothing but Node: verifies the signature,
// refuses replays older than five minutes, and drops repeats by Idempotency-Key.
//
//   WEBHOOK_SECRET=whsec_... node examples/webhook-receiver.mjs   (listens on 127.0.0.1:8787)
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
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

http
  .createServer(async (request, response) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    if (!verify(request.headers['briefwatch-timestamp'], request.headers['briefwatch-signature'], body)) {
      return void response.writeHead(401).end('bad signature');
    }
    const key = request.headers['idempotency-key'];
    if (seen.has(key)) return void response.writeHead(200).end('already had it');
    seen.add(key);
    const alert = JSON.parse(body);
    console.log(`${alert.revised ? 'revised' : 'new'}: ${alert.article.title} <${alert.article.url}> (score ${alert.score})`);
    response.writeHead(200).end('ok');
  })
  .listen(8787, '127.0.0.1', () => console.log('listening on http://127.0.0.1:8787'));
