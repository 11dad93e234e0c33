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
 * The signature header of one alert: one `v1=` signature per secret in force, space-separated.
 * Right after a rotation that is the new secret's and the previous one's, so a receiver that
 * still holds the previous secret goes on verifying until the overlap ends.
 */
export function signatureHeader(secrets: readonly string[], timestamp: number, body: string): string {
  return secrets.map((secret) => signWebhook(secret, timestamp, body)).join(' ');
}

/**
 * What a receiver runs: one of the header's signatures must match, and the timestamp be
 * recent (five minutes by default), so a captured request cannot be replayed later.
 */
export function verifyWebhook(secret: string, timestampHeader: string | undefined, header: string | undefined, body: string, now = Date.now(), toleranceSeconds = 300): boolean {
  const timestamp = Number(timestampHeader);
  if (!header || !Number.isInteger(timestamp)) return false;
  if (Math.abs(now / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  return header
    .split(' ')
    .map((signature) => Buffer.from(signature))
    .some((given) => expected.length === given.length && timingSafeEqual(expected, given));
}
