import 'server-only';
import { readEnv } from '@/lib/env/schema';
import { RateLimiter } from '@/lib/rate-limit/limiter';

// Each app's quota of Partner API requests (API_QUOTA_PER_MINUTE, 500 a
// minute by default), counted in PostgreSQL's RateLimit table so every web
// process shares it. Answers carry the IETF httpapi draft's headers:
// `RateLimit-Policy: "app";q=500;w=60` and `RateLimit: "app";r=<left>;t=<seconds>`.
// Its counts commit without waiting for their WAL flush (asyncCommit): an
// app's concurrent requests all update its one row, and each would hold
// the row until its flush, so an app's requests went one flush at a time
// (under 50 connections, most of a request's wait in `npm run bench`).

const WINDOW_MS = 60_000;
let limiter: RateLimiter | undefined;

function appLimiter(): RateLimiter {
  const max = readEnv('API_QUOTA_PER_MINUTE');
  if (limiter?.limit.max !== max)
    limiter = new RateLimiter({ name: 'api:app', max, windowMs: WINDOW_MS, asyncCommit: true });
  return limiter;
}

export type QuotaAnswer = { allowed: boolean; headers: Record<string, string> };

/** Counts one request of the app; refused (with Retry-After) once the minute's quota is spent. */
export async function takeQuota(appId: string): Promise<QuotaAnswer> {
  const limit = appLimiter();
  const { count, resetMs } = await limit.count(appId);
  const seconds = Math.max(1, Math.ceil(resetMs / 1000));
  const max = limit.limit.max;
  const headers: Record<string, string> = {
    'RateLimit-Policy': `"app";q=${max};w=${WINDOW_MS / 1000}`,
    RateLimit: `"app";r=${Math.max(0, max - count)};t=${seconds}`,
  };
  if (count <= max) return { allowed: true, headers };
  return { allowed: false, headers: { ...headers, 'Retry-After': String(seconds) } };
}
