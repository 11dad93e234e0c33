import { signWebhook, verifyWebhook } from './webhook-signature.js';

describe('webhook signatures', () => {
  const body = JSON.stringify({ alertId: 'a1' });
  const now = Date.parse('2026-11-28T09:00:00Z');
  const timestamp = now / 1000;

  it('verifies what it signed', () => {
    expect(verifyWebhook('s3cret', String(timestamp), signWebhook('s3cret', timestamp, body), body, now)).toBe(true);
  });

  it('refuses another secret, a changed body and a replay after five minutes', () => {
    const signature = signWebhook('s3cret', timestamp, body);
    expect(verifyWebhook('other', String(timestamp), signature, body, now)).toBe(false);
    expect(verifyWebhook('s3cret', String(timestamp), signature, `${body} `, now)).toBe(false);
    expect(verifyWebhook('s3cret', String(timestamp), signature, body, now + 301_000)).toBe(false);
  });
});
