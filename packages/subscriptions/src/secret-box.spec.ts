import { randomBytes } from 'node:crypto';
import { SecretBox } from './secret-box.js';

describe('webhook secrets at rest', () => {
  const key = randomBytes(32);
  const secret = 'whsec_9fX2kLmQ0rTz7YbVw1NcHs4d';

  it('seals a secret so that the stored text does not hold it, and opens it again', () => {
    const box = new SecretBox(key);
    const stored = box.seal(secret);
    expect(stored).toMatch(/^v1:[A-Za-z0-9_-]+$/);
    expect(stored).not.toContain('9fX2kLmQ');
    expect(box.open(stored)).toBe(secret);
    // A fresh nonce each time: the same secret never seals to the same text.
    expect(box.seal(secret)).not.toBe(stored);
  });

  it('refuses to open with another key, or with none, and says why', () => {
    const stored = new SecretBox(key).seal(secret);
    expect(() => new SecretBox(randomBytes(32)).open(stored)).toThrow(/sealed with another WEBHOOK_SECRETS_KEY/);
    expect(() => new SecretBox(null).open(stored)).toThrow(/WEBHOOK_SECRETS_KEY is not set/);
  });

  it('refuses a sealed secret that was tampered with', () => {
    const stored = new SecretBox(key).seal(secret);
    const tampered = `${stored.slice(0, -2)}${stored.endsWith('A') ? 'B' : 'A'}${stored.slice(-1)}`;
    expect(() => new SecretBox(key).open(tampered)).toThrow(/sealed with another WEBHOOK_SECRETS_KEY/);
  });

  it('keeps secrets as they are without a key, and still reads those once a key is set', () => {
    expect(new SecretBox(null).seal(secret)).toBe(secret);
    expect(new SecretBox(key).open(secret)).toBe(secret);
  });
});
