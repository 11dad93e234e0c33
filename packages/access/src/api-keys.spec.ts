import { generateApiKey, hashApiKey } from './api-keys.js';
import { presentedKey } from './api-key.guard.js';

describe('API keys', () => {
  it('are long, prefixed and different every time', () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(a).toMatch(/^bw_[A-Za-z0-9]{32}$/);
    expect(a).not.toBe(b);
  });

  it('are stored as a SHA-256 that does not contain the key', () => {
    const key = generateApiKey();
    expect(hashApiKey(key)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiKey(key)).not.toContain(key.slice(3));
  });

  it('are read from a bearer token or an X-Api-Key header', () => {
    expect(presentedKey({ authorization: 'Bearer bw_abc' })).toBe('bw_abc');
    expect(presentedKey({ 'x-api-key': 'bw_def' })).toBe('bw_def');
    expect(presentedKey({ authorization: 'Basic Zm9vOmJhcg==' })).toBeUndefined();
  });
});
