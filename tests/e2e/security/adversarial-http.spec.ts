// Attacks over HTTP against the production build, the way an attacker with
// a stolen or forged cookie would send them (no UI unless the browser is
// the point): server actions replayed from another origin, route handlers,
// middleware bypass headers, open redirects after sign-in, tampered session
// tokens, hostile search input, reflected HTML. Every case is refused (or
// answered harmlessly) and nothing changes: each one reads back what it
// tried to change. The demo data is left exactly as the flow specs expect.
// Session tokens, open redirects and hostile search text: adversarial-sessions.spec.ts.
// Writes { cases, failures } to .test-output/adversarial.json at the end (adversarial.ts).
import { expect, test } from '@playwright/test';
import { PASSWORD, signIn } from '../helpers';
import { baseUrl, captureAction, countCases, get, host, replay, sessionCookie } from './adversarial';

countCases('adversarial-http');

test.describe('server actions from another origin (CSRF)', () => {
  test.describe.configure({ mode: 'serial' });
  const FORGED = ['https://evil.example', 'null', 'http://127.0.0.1.evil.example', 'http://127.0.0.1:1'];

  test('the language switch replayed with a forged, cross-site or null Origin changes nothing; the same request from the portal works', async ({
    browser,
  }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, 'admin@adatum.example');
    const toJa = await captureAction(page, () => page.getByRole('button', { name: '日本語' }).click());
    await page.goto('/'); // the aborted request left the page in its error state
    const toEn = await captureAction(page, () => page.getByRole('button', { name: 'English' }).click());
    const cookie = (await context.cookies())
      .filter((c) => c.name.includes('session-token'))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
    // What the action changes: the language cookie it sets (and the user's stored language, put back below).
    const setsLocale = (res: Response) => /NEXT_LOCALE=(\w+)/.exec(res.headers.getSetCookie().join('\n'))?.[1];
    for (const origin of FORGED) {
      const res = await replay(toJa, cookie, origin);
      expect(res.status, `Origin ${origin}`).toBeGreaterThanOrEqual(400);
      expect(setsLocale(res), `Origin ${origin}`).toBeUndefined();
    }
    // Control: the captured request is valid from the portal's own origin (then put back).
    const ok = await replay(toJa, cookie, `http://${host()}`);
    expect(ok.status).toBe(200);
    expect(setsLocale(ok)).toBe('ja');
    const back = await replay(toEn, cookie, `http://${host()}`);
    expect(setsLocale(back)).toBe('en');
    await context.close();
  });

  test('Edit customer replayed with a forged, cross-site or null Origin changes nothing', async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, 'admin@northwind.example');
    await page.goto('/customers');
    await page.getByRole('link', { name: 'Woodgrove Bank' }).click();
    await page.waitForURL(/\/customers\/[^/]+$/);
    const detail = page.url();
    await page.getByRole('link', { name: 'Edit account info' }).click();
    const city = await page.getByLabel('City').inputValue();
    await page.getByLabel('City').fill('Forged City');
    const save = await captureAction(page, () => page.getByRole('button', { name: 'Save' }).click());
    const cookie = (await context.cookies())
      .filter((c) => c.name.includes('session-token'))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
    for (const origin of FORGED) {
      const res = await replay(save, cookie, origin);
      expect(res.status, `Origin ${origin}`).toBeGreaterThanOrEqual(400);
    }
    const html = await (await get(new URL(detail).pathname, { cookie })).text();
    expect(html.includes(city), `still ${city}`).toBe(true);
    expect(html.includes('Forged City'), 'no Forged City').toBe(false);
    await context.close();
  });
});

test.describe('route handlers', () => {
  test('the test clock refuses another site and a non-JSON body; the clock does not move', async () => {
    const before = Date.parse(((await (await get('/api/test/clock')).json()) as { now: string }).now);
    const post = (headers: Record<string, string>, body: string) =>
      fetch(`${baseUrl()}/api/test/clock`, { method: 'POST', headers, body });
    expect(
      (await post({ origin: 'https://evil.example', 'content-type': 'application/json' }, '{"advanceMs":31536000000}'))
        .status,
    ).toBe(403);
    expect(
      (await post({ origin: 'null', 'content-type': 'application/json' }, '{"advanceMs":31536000000}')).status,
    ).toBe(403);
    expect((await post({ 'content-type': 'text/plain' }, '{"advanceMs":31536000000}')).status).toBe(415);
    const after = Date.parse(((await (await get('/api/test/clock')).json()) as { now: string }).now);
    expect(after - before).toBeLessThan(60_000);
  });

  for (const route of ['/incentives/export', '/audit-log/export']) {
    test(`${route}: 404 without a session or with a forged one; no method but GET; a read only`, async () => {
      expect((await get(route)).status).toBe(404);
      expect((await get(route, { cookie: 'next-auth.session-token=forged' })).status).toBe(404);
      const cookie = await sessionCookie('admin@northwind.example');
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
        const res = await fetch(`${baseUrl()}${route}`, {
          method,
          headers: { cookie, origin: 'https://evil.example' },
          redirect: 'manual',
        });
        expect(res.status, method).toBe(405);
      }
      const res = await get(route, { cookie });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/csv/);
      // CSV injection: no cell a spreadsheet would read as a formula.
      const cells = (await res.text())
        .replace(/^\uFEFF/, '')
        .split(/\r\n/)
        .flatMap((line) => line.split(','));
      for (const cell of cells) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);
    });
  }

  test('next-auth: sign-out without its CSRF token (a cross-site form) does not sign out; GET shows a page and signs nobody out', async () => {
    const cookie = await sessionCookie('admin@tailspin.example');
    await fetch(`${baseUrl()}/api/auth/signout`, {
      method: 'POST',
      headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
      redirect: 'manual',
    });
    await get('/api/auth/signout', { cookie });
    expect((await get('/customers', { cookie })).status).toBe(200);
  });

  test('next-auth: a credentials post without its CSRF token signs nobody in', async () => {
    const res = await fetch(`${baseUrl()}/api/auth/callback/credentials`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: new URLSearchParams({ email: 'admin@northwind.example', password: PASSWORD, json: 'true' }),
    });
    expect(res.headers.getSetCookie().some((c) => /session-token=[^;]/.test(c))).toBe(false);
  });

  test('next-auth: a callbackUrl on another host is not followed', async () => {
    const jarCsrf = await fetch(`${baseUrl()}/api/auth/csrf`);
    const { csrfToken } = (await jarCsrf.json()) as { csrfToken: string };
    const cookie = jarCsrf.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const res = await fetch(`${baseUrl()}/api/auth/callback/credentials`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams({
        csrfToken,
        email: 'admin@northwind.example',
        password: PASSWORD,
        callbackUrl: 'https://evil.example/x',
        json: 'true',
      }),
    });
    const target = res.headers.get('location') ?? ((await res.json().catch(() => ({}))) as { url?: string }).url ?? '';
    expect(target).not.toContain('evil.example');
  });
});

test.describe('middleware bypass and header tricks', () => {
  const BYPASS: Record<string, string>[] = [
    { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' },
    { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' },
    { 'x-middleware-subrequest': 'src/middleware:src/middleware:src/middleware:src/middleware:src/middleware' },
    { 'x-middleware-subrequest': 'pages/_middleware' },
    { 'x-middleware-prefetch': '1' },
    { 'x-nextjs-data': '1' },
    { 'x-invoke-path': '/customers', 'x-invoke-status': '200' },
    { 'x-pc-path': 'https://evil.example/' },
    { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' },
    { rsc: '1', 'next-router-prefetch': '1' },
  ];
  for (const headers of BYPASS) {
    test(`without a session, ${JSON.stringify(headers)} still leads to sign-in and shows no data`, async () => {
      const res = await get('/customers', headers);
      // A redirect to sign-in, or (prefetch headers) an empty answer: never the page.
      expect(res.status).toBeLessThan(500);
      const body = await res.text();
      // The empty answer: the middleware's own `{}`, marked to skip the page.
      if (res.status === 200) {
        expect(res.headers.get('x-middleware-skip')).toBe('1');
        expect(body).toBe('{}');
      }
      const location = res.headers.get('location') ?? '';
      expect(location).not.toContain('evil.example');
      expect(decodeURIComponent(location)).not.toMatch(/callbackUrl=[^&]*evil/);
      expect(body).not.toContain('Woodgrove');
    });
  }

  for (const p of [
    '/customers/%E0%A4%A',
    '/customers/%ZZ',
    '/subscriptions/%C0%AF',
    '/CUSTOMERS',
    '/customers/',
    '/%63ustomers',
    '/customers;x=1',
    '/customers%2f',
    '/_next/../customers',
    '/api/../customers',
    '/customers?__nextDataReq=1',
    '/customers/..%2f',
  ]) {
    test(`without a session, ${p} shows no data`, async () => {
      const res = await get(p);
      expect(res.status).toBeLessThan(500);
      expect(await res.text()).not.toContain('Woodgrove');
    });
  }
});
