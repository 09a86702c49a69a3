import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, RETRY_DELAYS_MS, retryDelayMs } from './backoff';

describe('webhook retry schedule', () => {
  it('grows from 5 seconds to a day and spans about three days', () => {
    expect(retryDelayMs(1)).toBe(5_000);
    expect(retryDelayMs(2)).toBe(300_000);
    expect(retryDelayMs(9)).toBe(86_400_000);
    for (let i = 1; i < RETRY_DELAYS_MS.length; i++)
      expect(RETRY_DELAYS_MS[i]!).toBeGreaterThanOrEqual(RETRY_DELAYS_MS[i - 1]!);
    const total = RETRY_DELAYS_MS.reduce((a, b) => a + b, 0);
    expect(total).toBe(((3 * 24 + 3) * 3600 + 35 * 60 + 5) * 1000);
  });

  it('ends after the 10th attempt', () => {
    expect(MAX_ATTEMPTS).toBe(10);
    expect(retryDelayMs(MAX_ATTEMPTS)).toBeNull();
  });
});
