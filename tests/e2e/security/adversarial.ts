// Shared by the adversarial HTTP specs: requests without a browser (a session
// cookie got through next-auth's own endpoints, plain GETs), a server action
// captured from the page and replayed, and the count of cases they write to
// .test-output/adversarial.json.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page, type Request as PwRequest } from '@playwright/test';
import { PASSWORD } from '../helpers';

type Count = { cases: number; failures: number };

/**
 * Counts the cases of the calling spec and their failures; after the spec,
 * .test-output/adversarial.json holds { cases, failures } summed over the
 * adversarial specs, and each spec's own count under `specs`.
 */
export function countCases(spec: string): void {
  const count: Count = { cases: 0, failures: 0 };
  test.afterEach(({}, info) => {
    count.cases += 1;
    if (info.status !== info.expectedStatus) count.failures += 1;
  });
  test.afterAll(() => {
    const dir = path.resolve('.test-output');
    const file = path.join(dir, 'adversarial.json');
    mkdirSync(dir, { recursive: true });
    const earlier = existsSync(file)
      ? (JSON.parse(readFileSync(file, 'utf8')) as { specs?: Record<string, Count> })
      : {};
    const specs = { ...earlier.specs, [spec]: count };
    const total = Object.values(specs).reduce((a, b) => ({
      cases: a.cases + b.cases,
      failures: a.failures + b.failures,
    }));
    writeFileSync(file, `${JSON.stringify({ ...total, specs })}\n`);
  });
}

export function baseUrl(): string {
  return test.info().project.use.baseURL!;
}
export const host = () => new URL(baseUrl()).host;

/**
 * A session cookie header for `email`, signed in through next-auth's own
 * endpoints (CSRF token and all), no browser.
 */
export async function sessionCookie(email: string, password = PASSWORD): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrf = await fetch(`${baseUrl()}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl()}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  keep(res);
  expect(
    [...jar.keys()].some((k) => k.endsWith('session-token')),
    'signed in',
  ).toBe(true);
  return cookie();
}

export const get = (p: string, headers: Record<string, string> = {}) =>
  fetch(`${baseUrl()}${p}`, { headers, redirect: 'manual' });

/** Signed in: the page itself (200); signed out: a redirect to sign-in and no data. */
export async function expectSignedOut(cookie: string, headers: Record<string, string> = {}) {
  const res = await get('/customers', { cookie, ...headers });
  expect(res.status, 'redirected to sign-in').toBe(307);
  expect(res.headers.get('location')).toMatch(/\/sign-in\?callbackUrl=/);
  expect(await res.text()).not.toContain('Woodgrove');
}

/** Captures the next server action request the page sends, and aborts it so it never runs. */
export async function captureAction(page: Page, submit: () => Promise<unknown>) {
  let captured: PwRequest | undefined;
  await page.route('**/*', async (route) => {
    const r = route.request();
    if (r.method() === 'POST' && r.headers()['next-action']) {
      captured = r;
      await route.abort();
    } else await route.continue();
  });
  await submit();
  await expect.poll(() => captured !== undefined).toBe(true);
  await page.unroute('**/*');
  const r = captured!;
  return { url: r.url(), headers: await r.allHeaders(), body: r.postDataBuffer()! };
}

/** Replays a captured action with another Origin (or none) and the given cookie. */
export function replay(
  action: { url: string; headers: Record<string, string>; body: Buffer },
  cookie: string,
  origin: string | null,
  body = action.body,
) {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(action.headers))
    if (!k.startsWith(':') && !['cookie', 'origin', 'host', 'content-length', 'referer'].includes(k)) headers[k] = v;
  if (origin !== null) headers.origin = origin;
  return fetch(action.url, {
    method: 'POST',
    headers: { ...headers, cookie },
    body: new Uint8Array(body),
    redirect: 'manual',
  });
}
