import { signatureHeader, signWebhook, verifyWebhook } from './webhook-signature.js';

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

  it('during the overlap after a rotation, a receiver holding either secret verifies the alert, and one holding neither does not', () => {
    const header = signatureHeader(['new-secret', 'old-secret'], timestamp, body);
    expect(header.split(' ')).toHaveLength(2);
    expect(verifyWebhook('new-secret', String(timestamp), header, body, now)).toBe(true);
    expect(verifyWebhook('old-secret', String(timestamp), header, body, now)).toBe(true);
    expect(verifyWebhook('third-secret', String(timestamp), header, body, now)).toBe(false);
    expect(verifyWebhook('old-secret', String(timestamp), signatureHeader(['new-secret'], timestamp, body), body, now)).toBe(false);
  });
});
