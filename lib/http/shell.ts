// What every answer of the portal carries, made one way for both places that
// add it: proxy.ts (Next.js's proxy) and the portal's own server for plain
// page loads (lib/http/document-shell.ts, decision 0048).
// - the Content-Security-Policy with a fresh nonce per request (Next.js reads
//   it from the request's CSP header and puts it on its own scripts), and HSTS
//   when the portal is served over HTTPS;
// - the session token's renewed last-activity time (idle expiry, lib/auth/session-times.ts);
// - 400 for a path whose escapes do not decode.
// No 'server-only' marker: proxy.ts and the custom server import this.
import { randomUUID } from 'node:crypto';
import { clock } from '@/lib/clock';
import { seenIsStale, sessionExpired, sessionLimits } from '@/lib/auth/session-times';
import { readEnv } from '@/lib/env/schema';
import { decodeSessionToken, encodeSessionToken, sessionCookieName } from '@/lib/auth/session-token';

export const HSTS = 'max-age=63072000; includeSubDomains';

export { BARE_POLICY } from './fixed-headers';

export const secureCookies = () => (readEnv('NEXTAUTH_URL') ?? '').startsWith('https://');

export const newNonce = () => Buffer.from(randomUUID()).toString('base64');

export function contentSecurityPolicy(nonce: string, https: boolean): string {
  // A framework variable, read literally: Next.js replaces it at build time (lib/env/schema.ts).
  const dev = process.env.NODE_ENV === 'development';
  return [
    "default-src 'self'",
    // Only scripts carrying this response's nonce (and what they load) run: no inline scripts.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** A path whose escapes do not decode (e.g. `%E0%A4%A`) can name no page: answer 400, not a server error. */
export function undecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

export type RenewedCookie = { name: string; value: string; maxAge: number; secure: boolean };

/** The session cookie again with a new last-activity time, when it is due; null otherwise. */
export async function renewedSessionCookie(
  pathname: string,
  cookieOf: (name: string) => string | undefined,
): Promise<RenewedCookie | null> {
  if (pathname.startsWith('/api/auth/')) return null; // next-auth writes its own cookie there
  const secret = readEnv('NEXTAUTH_SECRET');
  const name = sessionCookieName();
  const cookie = cookieOf(name);
  if (!secret || !cookie) return null;
  const token = await decodeSessionToken({ token: cookie, secret }).catch(() => null);
  if (!token || sessionExpired(token) || !seenIsStale(token)) return null;
  const maxAge = Math.ceil(sessionLimits().absoluteMs / 1000);
  const value = await encodeSessionToken({ token: { ...token, seen: clock.now().getTime() }, secret, maxAge });
  return { name, value, maxAge, secure: secureCookies() };
}
