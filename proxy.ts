import { NextResponse, type NextRequest } from 'next/server';
import { clock } from '@/lib/clock';
import { seenIsStale, sessionExpired, sessionLimits } from '@/lib/auth/session-times';
import { readEnv } from '@/lib/env/schema';
import { decodeSessionToken, encodeSessionToken, sessionCookieName } from '@/lib/auth/session-token';

// Runs before every page, server action and route handler. Not a security
// boundary for data (pages and the domain layer check the session); it:
// - tells server components which path was asked for (sign-in sends the user back there);
// - sets the Content-Security-Policy with a fresh nonce per request (Next.js
//   reads it from the request's CSP header and puts it on its own scripts),
//   and HSTS when the portal is served over HTTPS;
// - renews the session token's last-activity time (idle expiry, lib/auth/session-times.ts).
// Headers that do not change per request are in next.config.ts.

const secureCookies = () => (readEnv('NEXTAUTH_URL') ?? '').startsWith('https://');

function contentSecurityPolicy(nonce: string, https: boolean): string {
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

async function renewedSessionCookie(request: NextRequest) {
  if (request.nextUrl.pathname.startsWith('/api/auth/')) return null; // next-auth writes its own cookie there
  const secret = readEnv('NEXTAUTH_SECRET');
  const cookie = request.cookies.get(sessionCookieName())?.value;
  if (!secret || !cookie) return null;
  const token = await decodeSessionToken({ token: cookie, secret }).catch(() => null);
  if (!token || sessionExpired(token) || !seenIsStale(token)) return null;
  const maxAge = Math.ceil(sessionLimits().absoluteMs / 1000);
  const value = await encodeSessionToken({ token: { ...token, seen: clock.now().getTime() }, secret, maxAge });
  return { name: sessionCookieName(), value, maxAge };
}

/** A path whose escapes do not decode (e.g. `%E0%A4%A`) can name no page: answer 400, not a server error. */
function undecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

export async function proxy(request: NextRequest) {
  if (undecodable(request.nextUrl.pathname)) {
    return new NextResponse('Bad request', {
      status: 400,
      headers: {
        'content-type': 'text/plain; charset=utf-8',
        'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
      },
    });
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const https = request.nextUrl.protocol === 'https:' || secureCookies();
  const csp = contentSecurityPolicy(nonce, https);

  const headers = new Headers(request.headers);
  headers.set('x-pc-path', request.nextUrl.pathname + request.nextUrl.search);
  headers.set('x-nonce', nonce);
  headers.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', csp);
  if (https) response.headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');

  const renewed = await renewedSessionCookie(request);
  if (renewed) {
    response.cookies.set(renewed.name, renewed.value, {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: secureCookies(),
      maxAge: renewed.maxAge,
    });
  }
  return response;
}

// Everything but Next's own build files (next.config.ts gives those their headers).
export const config = { matcher: ['/((?!_next/static|_next/image).*)'] };
