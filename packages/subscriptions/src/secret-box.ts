import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { ProblemError } from '@briefwatch/service-kit';

/** How a sealed secret begins: the format's version, so a later one can be told apart. */
const SEALED = 'v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Webhook secrets at rest: sealed with AES-256-GCM under the deployment's key
 * (WEBHOOK_SECRETS_KEY), so a copy of the database alone signs nothing. Without a key they are
 * kept as they are; a secret kept so is still read after a key is set, and sealed secrets are
 * never read without it.
 */
export class SecretBox {
  constructor(private readonly key: Buffer | null) {
    if (key && key.length !== 32) throw new Error('the webhook secrets key must be 32 bytes');
  }

  get seals(): boolean {
    return this.key !== null;
  }

  seal(secret: string): string {
    if (!this.key) return secret;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return `${SEALED}${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url')}`;
  }

  open(stored: string): string {
    if (!stored.startsWith(SEALED)) return stored;
    if (!this.key) throw new ProblemError('SUBSCRIPTION.SECRET_SEALED', 'this webhook secret is stored encrypted and WEBHOOK_SECRETS_KEY is not set: set the key it was sealed with');
    const bytes = Buffer.from(stored.slice(SEALED.length), 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, IV_BYTES));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new ProblemError('SUBSCRIPTION.SECRET_SEALED', 'this webhook secret was sealed with another WEBHOOK_SECRETS_KEY than the one set');
    }
  }
}

/** A new webhook signing secret, as shown to the subscriber once: 192 random bits. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64url')}`;
}
