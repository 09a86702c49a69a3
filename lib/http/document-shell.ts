// The portal's own server (scripts/lib/serve.ts) prepares a plain page load
// and a server action called from a page itself: the same work as proxy.ts
// (lib/http/shell.ts), done on Node's request before Next.js sees it, without
// the proxy's machinery (a web Request built from every request, its headers
// copied into the answer and back). That machinery was the largest single
// cost of a signed-in page (decision 0048); an action whose session cookie
// the proxy renewed also cost about 3.6 ms more (decision 0056). Everything
// else (client-side navigation and prefetch, a form posted without
// JavaScript, route handlers under /api, Next.js's own files, anything with
// an x-middleware-* header) still goes through proxy.ts, exactly as before.
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  BARE_POLICY,
  HSTS,
  contentSecurityPolicy,
  newNonce,
  renewedSessionCookie,
  secureCookies,
  undecodable,
  type RenewedCookie,
} from './shell';

/** The header that tells Next.js not to run proxy.ts again (its matcher); a client's own is removed. */
const PREPARED = 'x-pc-shell';

/** Headers of Next.js's client router, prefetches and its own requests: such requests are left to proxy.ts. */
const ROUTER_HEADERS = ['rsc', 'next-router-prefetch', 'next-router-state-tree', 'next-action', 'x-nextjs-data'];
/** What React sends with a server action call besides the action's id. */
const ACTION_HEADERS = ['next-action', 'next-router-state-tree', 'next-url'];

function isPreparable(req: IncomingMessage, pathname: string): boolean {
  if (pathname.startsWith('/_next/') || pathname.startsWith('/api/')) return false;
  const names = Object.keys(req.headers);
  if (names.some((name) => name.startsWith('x-middleware-'))) return false;
  // A plain page load.
  if (req.method === 'GET' || req.method === 'HEAD') return !names.some((name) => ROUTER_HEADERS.includes(name));
  // A server action called from a page (React's fetch, with the action's id).
  if (req.method === 'POST' && names.includes('next-action')) {
    return !names.some((name) => ROUTER_HEADERS.includes(name) && !ACTION_HEADERS.includes(name));
  }
  return false;
}

function cookieOf(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** As Next.js writes a cookie that proxy.ts sets (name, path, expiry, flags). */
function setCookie(c: RenewedCookie): string {
  const expires = new Date(Date.now() + c.maxAge * 1000).toUTCString();
  return (
    `${c.name}=${encodeURIComponent(c.value)}; Path=/; Expires=${expires}; Max-Age=${c.maxAge}` +
    `${c.secure ? '; Secure' : ''}; HttpOnly; SameSite=lax`
  );
}

function forwardedHttps(req: IncomingMessage): boolean {
  const proto = req.headers['x-forwarded-proto'];
  const first = (Array.isArray(proto) ? proto[0] : proto)?.split(',')[0]?.trim();
  return first === 'https' || 'encrypted' in req.socket;
}

/**
 * Prepares a plain page load or a server action (true when it has answered
 * the request itself, with a 400); leaves any other request to proxy.ts.
 */
export async function prepareDocument(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  delete req.headers[PREPARED];
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  const pathname = query < 0 ? url : url.slice(0, query);
  if (!isPreparable(req, pathname)) return false;
  if (undecodable(pathname)) {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8', 'Content-Security-Policy': BARE_POLICY });
    res.end('Bad request');
    return true;
  }
  const nonce = newNonce();
  const https = forwardedHttps(req) || secureCookies();
  const csp = contentSecurityPolicy(nonce, https);
  req.headers['x-pc-path'] = url;
  req.headers['x-nonce'] = nonce;
  req.headers['content-security-policy'] = csp;
  req.headers[PREPARED] = '1';
  res.setHeader('Content-Security-Policy', csp);
  if (https) res.setHeader('Strict-Transport-Security', HSTS);
  const renewed = await renewedSessionCookie(pathname, (name) => cookieOf(req.headers.cookie, name));
  if (renewed) res.appendHeader('Set-Cookie', setCookie(renewed));
  return false;
}
