import { NextResponse, type NextRequest } from 'next/server';
import {
  BARE_POLICY,
  HSTS,
  contentSecurityPolicy,
  newNonce,
  renewedSessionCookie,
  secureCookies,
  undecodable,
} from '@/lib/http/shell';

// Runs before every page, server action and route handler that the portal's
// own server has not already prepared (a plain page load and a server action
// called from a page are prepared there, lib/http/document-shell.ts: the same
// work without the proxy's machinery).
// Not a security boundary for data (pages and the domain layer check the
// session); it:
// - tells server components which path was asked for (sign-in sends the user back there);
// - sets the Content-Security-Policy with a fresh nonce per request (Next.js
//   reads it from the request's CSP header and puts it on its own scripts),
//   and HSTS when the portal is served over HTTPS;
// - renews the session token's last-activity time (idle expiry, lib/auth/session-times.ts).
// Headers that do not change per request are in next.config.ts.

export async function proxy(request: NextRequest) {
  if (undecodable(request.nextUrl.pathname)) {
    return new NextResponse('Bad request', {
      status: 400,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'Content-Security-Policy': BARE_POLICY },
    });
  }
  const nonce = newNonce();
  const https = request.nextUrl.protocol === 'https:' || secureCookies();
  const csp = contentSecurityPolicy(nonce, https);

  const headers = new Headers(request.headers);
  headers.set('x-pc-path', request.nextUrl.pathname + request.nextUrl.search);
  headers.set('x-nonce', nonce);
  headers.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', csp);
  if (https) response.headers.set('Strict-Transport-Security', HSTS);

  const renewed = await renewedSessionCookie(request.nextUrl.pathname, (name) => request.cookies.get(name)?.value);
  if (renewed) {
    response.cookies.set(renewed.name, renewed.value, {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: renewed.secure,
      maxAge: renewed.maxAge,
    });
  }
  return response;
}

// Everything but Next's own build files (next.config.ts gives those their
// headers) and the requests the portal's server has prepared: it sets
// x-pc-shell on those, and removes any x-pc-shell a client sent.
export const config = {
  matcher: [{ source: '/((?!_next/static|_next/image).*)', missing: [{ type: 'header', key: 'x-pc-shell' }] }],
};
