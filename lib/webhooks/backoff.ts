// When a failed delivery is tried again (docs/decisions/0059-webhooks.md):
// the first attempt is immediate; after each failure the next waits the
// delay below; after the last one the delivery has failed and its endpoint
// is disabled. The delays add up to 3 days 3 hours 35 minutes 5 seconds.
export const RETRY_DELAYS_MS: readonly number[] = [
  5_000, // 5 s
  5 * 60_000, // 5 min
  30 * 60_000, // 30 min
  2 * 3_600_000, // 2 h
  5 * 3_600_000, // 5 h
  10 * 3_600_000, // 10 h
  14 * 3_600_000, // 14 h
  20 * 3_600_000, // 20 h
  24 * 3_600_000, // 24 h
];
/** Attempts in all: the first and one per delay. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** The wait after failed attempt number `attempt` (1-based), or null when it was the last. */
export function retryDelayMs(attempt: number): number | null {
  return RETRY_DELAYS_MS[attempt - 1] ?? null;
}
