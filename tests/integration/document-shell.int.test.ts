import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { clock } from '@/lib/clock';
import { prepareDocument } from '@/lib/http/document-shell';
import { decodeSessionToken, encodeSessionToken, sessionCookieName } from '@/lib/auth/session-token';

// The portal's server prepares a plain page load and a server action called
// from a page itself (what proxy.ts does, without the proxy's machinery) and
// leaves every other request to proxy.ts.
// A real HTTP server: the handler behind it stands for Next.js and echoes the
// request headers it was given.
const SECRET = 'a-test-secret-of-thirty-two-chars!!';
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    void prepareDocument(req, res).then((answered) => {
      if (!answered) res.end(JSON.stringify(req.headers));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  vi.unstubAllEnvs();
  clock.reset();
});

async function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  const res = await fetch(`${base}${path}`, { method, headers, redirect: 'manual' });
  const text = await res.text();
  const seen = res.status === 200 ? (JSON.parse(text) as IncomingHttpHeaders) : null;
  return { res, text, seen };
}

describe('a plain page load, prepared by the portal server', () => {
  it('gets a CSP with a fresh nonce, and Next.js is given the same policy, the path asked for and the mark', async () => {
    const a = await get('/customers?q=bank', { 'x-pc-path': 'https://evil.example/' });
    const b = await get('/customers?q=bank');
    const csp = a.res.headers.get('content-security-policy')!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toBe(b.res.headers.get('content-security-policy'));
    expect(a.seen!['content-security-policy']).toBe(csp);
    expect(csp).toContain(`'nonce-${a.seen!['x-nonce']}'`);
    expect(a.seen!['x-pc-path']).toBe('/customers?q=bank');
    expect(a.seen!['x-pc-shell']).toBe('1');
    expect(a.res.headers.get('strict-transport-security')).toBeNull();
  });

  it('behind HTTPS: HSTS and upgrade-insecure-requests', async () => {
    const { res } = await get('/customers', { 'x-forwarded-proto': 'https' });
    expect(res.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
    expect(res.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
  });

  it('a path whose escapes do not decode is answered 400 there, and never reaches Next.js', async () => {
    const { res, text } = await get('/customers/%E0%A4%A');
    expect(res.status).toBe(400);
    expect(text).toBe('Bad request');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});

describe('a server action called from a page, prepared by the portal server too', () => {
  it('gets the same policy, path and mark as a page load, whatever mark the client sent', async () => {
    const action = { 'next-action': 'abc', 'next-router-state-tree': '%5B%22%22%5D', 'x-pc-shell': 'x' };
    const { res, seen } = await get('/customers/new', action, 'POST');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
    expect(seen!['content-security-policy']).toBe(csp);
    expect(seen!['x-pc-path']).toBe('/customers/new');
    expect(seen!['x-pc-shell']).toBe('1');
    expect(seen!['next-action']).toBe('abc');
  });

  it('a path whose escapes do not decode is answered 400', async () => {
    const { res, text } = await get('/customers/%E0%A4%A', { 'next-action': 'abc' }, 'POST');
    expect(res.status).toBe(400);
    expect(text).toBe('Bad request');
  });
});

describe('every other request is left to proxy.ts', () => {
  const ROUTER: [string, Record<string, string>, string?][] = [
    ['client navigation', { rsc: '1' }],
    ['prefetch', { rsc: '1', 'next-router-prefetch': '1' }],
    ['middleware prefetch', { 'x-middleware-prefetch': '1' }],
    ['a middleware subrequest', { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' }],
    ['a form post', {}, 'POST'],
    ['a server action with a middleware header', { 'next-action': 'abc', 'x-middleware-subrequest': 'proxy' }, 'POST'],
    ['a server action asking for a prefetch', { 'next-action': 'abc', 'next-router-prefetch': '1' }, 'POST'],
    ['a server action sent as a navigation', { 'next-action': 'abc', rsc: '1' }, 'POST'],
    ['an action id on a GET', { 'next-action': 'abc' }, 'GET'],
  ];
  for (const [label, headers, method] of ROUTER) {
    it(`${label}: not prepared, and a client's own mark is removed`, async () => {
      const { res, seen } = await get('/customers', { ...headers, 'x-pc-shell': '1' }, method);
      expect(res.headers.get('content-security-policy')).toBeNull();
      expect(seen!['x-pc-shell']).toBeUndefined();
      expect(seen!['content-security-policy']).toBeUndefined();
    });
  }
  for (const path of ['/api/auth/session', '/_next/static/x.js', '/_next/data/x.json']) {
    it(`${path}: not prepared`, async () => {
      const { res, seen } = await get(path, { 'x-pc-shell': '1' });
      expect(res.headers.get('content-security-policy')).toBeNull();
      expect(seen!['x-pc-shell']).toBeUndefined();
    });
  }
});

describe('the session cookie on a plain page load', () => {
  async function cookieFor(seenMsAgo: number) {
    const now = clock.now().getTime();
    const token = await encodeSessionToken({
      token: { uid: 'u1', sv: 0, auth: now - seenMsAgo, seen: now - seenMsAgo },
      secret: SECRET,
      maxAge: 3600,
    });
    return `${sessionCookieName()}=${token}`;
  }

  it('renews last activity once it is a minute old: HttpOnly, SameSite=Lax, whole site', async () => {
    vi.stubEnv('NEXTAUTH_SECRET', SECRET);
    const { res } = await get('/customers', { cookie: await cookieFor(61_000) });
    const set = res.headers.get('set-cookie')!;
    expect(set).toMatch(new RegExp(`^${sessionCookieName().replace(/\./g, '\\.')}=`));
    expect(set).toContain('Path=/');
    expect(set).toContain('HttpOnly');
    expect(set).toMatch(/SameSite=lax/i);
    expect(set).not.toContain('Secure');
    const value = set.slice(set.indexOf('=') + 1, set.indexOf(';'));
    const renewed = await decodeSessionToken({ token: decodeURIComponent(value), secret: SECRET });
    expect(renewed!.seen).toBeGreaterThanOrEqual(clock.now().getTime() - 5_000);
  });

  it('a server action renews it as a page load does', async () => {
    vi.stubEnv('NEXTAUTH_SECRET', SECRET);
    const { res } = await get('/customers/new', { 'next-action': 'abc', cookie: await cookieFor(61_000) }, 'POST');
    expect(res.headers.get('set-cookie')).toMatch(new RegExp(`^${sessionCookieName().replace(/\./g, '\\.')}=`));
  });

  it('leaves a cookie alone when its activity is recent, or its session ended', async () => {
    vi.stubEnv('NEXTAUTH_SECRET', SECRET);
    expect((await get('/customers', { cookie: await cookieFor(10_000) })).res.headers.get('set-cookie')).toBeNull();
    const idleEnded = await cookieFor(9 * 60 * 60_000);
    expect((await get('/customers', { cookie: idleEnded })).res.headers.get('set-cookie')).toBeNull();
  });
});
