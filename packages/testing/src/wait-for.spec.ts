import { waitFor } from './wait-for.js';

describe('waitFor', () => {
  it('returns the first value that satisfies the condition', async () => {
    let calls = 0;
    const value = await waitFor(() => ++calls, (n) => n >= 3, { intervalMs: 1 });
    expect(value).toBe(3);
  });

  it('fails with the description and the last value seen when time runs out', async () => {
    await expect(waitFor(() => 1, (n) => n > 1, { timeoutMs: 30, intervalMs: 5, description: 'two rows' })).rejects.toThrow(
      /waiting for two rows; last value: 1/,
    );
  });
});
