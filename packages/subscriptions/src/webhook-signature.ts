import { createHmac, timingSafeEqual } from 'node:crypto';

/** Headers on every webhook briefwatch sends. */
export const WEBHOOK_HEADERS = {
  timestamp: 'briefwatch-timestamp',
  signature: 'briefwatch-signature',
  idempotencyKey: 'idempotency-key',
} as const;

/** `v1=` + hex HMAC-SHA256, keyed by the subscription's secret, over `<timestamp>.<body>`. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * What a receiver runs: the signature must match, and the timestamp be recent (five minutes
 * by default), so a captured request cannot be replayed later.
 */
export function verifyWebhook(secret: string, timestampHeader: string | undefined, signatureHeader: string | undefined, body: string, now = Date.now(), toleranceSeconds = 300): boolean {
  const timestamp = Number(timestampHeader);
  if (!signatureHeader || !Number.isInteger(timestamp)) return false;
  if (Math.abs(now / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(signatureHeader);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
