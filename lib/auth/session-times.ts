// Session lifetimes, measured with lib/clock.ts (so tests can move them):
// a session ends after SESSION_IDLE_MINUTES without a request (default 8 hours)
// and SESSION_MAX_HOURS after sign-in whatever the activity (default 7 days).
// The token carries `auth` (sign-in time) and `seen` (last request, renewed
// by proxy.ts at most once a minute), both in milliseconds.
// No 'server-only' marker: proxy.ts imports this too.
import { clock } from '@/lib/clock';
import { readEnv } from '@/lib/env/schema';

const MINUTE = 60_000;

/** Read per call (lib/env/schema.ts: nonsense keeps the defaults): tests change both at run time. */
export function sessionLimits() {
  return {
    idleMs: readEnv('SESSION_IDLE_MINUTES') * MINUTE,
    absoluteMs: readEnv('SESSION_MAX_HOURS') * 60 * MINUTE,
  };
}

export type SessionTimes = { auth?: unknown; seen?: unknown };

/** True when the token has no times (an older token), sat idle too long, or is too old. */
export function sessionExpired(claims: object, now = clock.now()): boolean {
  const token = claims as SessionTimes;
  if (typeof token.auth !== 'number' || typeof token.seen !== 'number') return true;
  const { idleMs, absoluteMs } = sessionLimits();
  const t = now.getTime();
  return t - token.seen > idleMs || t - token.auth > absoluteMs;
}

/** The token's `seen` is worth renewing (at most once a minute, to spare cookie writes). */
export function seenIsStale(claims: object, now = clock.now()): boolean {
  const token = claims as SessionTimes;
  return typeof token.seen === 'number' && now.getTime() - token.seen >= MINUTE;
}
