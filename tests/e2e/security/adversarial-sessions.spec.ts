// Attacks over HTTP against the production build (continued from
// adversarial-http.spec.ts): tampered, forged and ended session tokens, open
// redirects after sign-in, hostile text in every search and filter, and
// reflected HTML. Every case is refused (or answered harmlessly) and nothing
// changes. The demo data is left exactly as the flow specs expect.
// Counts its cases into .test-output/adversarial.json (adversarial.ts).
import { expect, test } from '@playwright/test';
import { PASSWORD, signIn } from '../helpers';
import { baseUrl, countCases, expectSignedOut, get, host, sessionCookie } from './adversarial';

countCases('adversarial-sessions');

test.describe('session tokens', () => {
  function b64url(value: object) {
    return Buffer.from(JSON.stringify(value)).toString('base64url');
  }

  test('a session cookie altered by one character is treated as signed out', async () => {
    const cookie = await sessionCookie('admin@fabrikam.example');
    expect((await get('/customers', { cookie })).status).toBe(200);
    const tampered = cookie.replace(
      /(session-token=)([^;]{20})(.)/,
      (_m, name: string, head: string, c: string) => `${name}${head}${c === 'A' ? 'B' : 'A'}`,
    );
    expect(tampered).not.toBe(cookie);
    await expectSignedOut(tampered);
  });

  test('an unsigned token (alg none) naming a real user is treated as signed out', async () => {
    const payload = {
      uid: 'any-user-id',
      sv: 0,
      email: 'admin@northwind.example',
      exp: Math.floor(Date.now() / 1000) + 3600,
    };
    for (const header of [
      { alg: 'none', typ: 'JWT' },
      { alg: 'HS256', typ: 'JWT' },
      { alg: 'dir', enc: 'A256GCM' },
    ]) {
      await expectSignedOut(`next-auth.session-token=${b64url(header)}.${b64url(payload)}.`);
      await expectSignedOut(`__Secure-next-auth.session-token=${b64url(header)}.${b64url(payload)}.`);
    }
  });

  test('a token from another session pasted into a changed payload (segments swapped) is treated as signed out', async () => {
    const a = await sessionCookie('admin@fabrikam.example');
    const b = await sessionCookie('admin@tailspin.example');
    const seg = (c: string) => /session-token=([^;]+)/.exec(c)![1]!.split('.');
    const [a0, a1, , a3, a4] = seg(a);
    const [, , b2] = seg(b);
    await expectSignedOut(`next-auth.session-token=${[a0, a1, b2, a3, a4].join('.')}`);
  });

  test('a session cookie of a user whose session was ended (sign-out) is refused (see sessions.spec.ts for the browser case)', async () => {
    const cookie = await sessionCookie('sales@northwind.example');
    const csrf = await fetch(`${baseUrl()}/api/auth/csrf`, { headers: { cookie } });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    await fetch(`${baseUrl()}/api/auth/signout`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        cookie: [cookie, csrfCookie].filter(Boolean).join('; '),
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ csrfToken, json: 'true' }),
    });
    await expectSignedOut(cookie);
  });
});

test.describe('open redirect after sign-in', () => {
  for (const target of [
    'https://evil.example/',
    '//evil.example/',
    '/\\evil.example',
    '/\t/evil.example',
    '/%09/evil.example',
    'javascript:alert(1)',
    'http:evil.example',
  ]) {
    test(`callbackUrl ${JSON.stringify(target)} stays on the portal`, async ({ page }) => {
      await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(target)}`);
      await page.getByLabel('Email').fill('admin@adatum.example');
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
      await page.waitForLoadState('load');
      expect(new URL(page.url()).host).toBe(host());
    });
  }
});

test.describe('hostile text in every search and filter: a page, never a 500', () => {
  const VALUES = [
    "' OR 1=1 --",
    '%',
    '_',
    '%_\\',
    'a\u0000b',
    '😀🏢',
    'ｗｏｏｄｇｒｏｖｅ',
    'a'.repeat(10_000),
    '<img src=x onerror=alert(1)>',
  ];
  const PAGES: [string, string, string[]][] = [
    ['admin@northwind.example', '/customers', ['q', 'reseller', 'after', 'before', 'last']],
    ['admin@fabrikam.example', '/subscriptions', ['q', 'status', 'relation', 'after']],
    ['admin@northwind.example', '/audit-log', ['actor', 'action', 'targetType', 'targetId', 'from', 'to', 'after']],
    ['admin@northwind.example', '/incentives', ['month', 'reseller', 'mpn', 'after']],
    ['admin@northwind.example', '/indirect-resellers', ['q', 'after', 'removed']],
    ['staff@vendor.example', '/partners', ['q', 'status', 'after']],
    ['staff@vendor.example', '/mailbox', ['to']],
    ['admin@northwind.example', '/audit-log/export', ['actor', 'targetId', 'from']],
    ['admin@northwind.example', '/incentives/export', ['month', 'reseller']],
  ];
  for (const [email, pagePath, params] of PAGES) {
    test(`${pagePath} (${params.join(', ')})`, async () => {
      const cookie = await sessionCookie(email);
      for (const param of params) {
        for (const value of VALUES) {
          const res = await get(`${pagePath}?${param}=${encodeURIComponent(value)}`, { cookie });
          expect(res.status, `${param}=${JSON.stringify(value.slice(0, 20))}`).toBe(200);
          const body = await res.text();
          expect(body, 'HTML typed into a filter comes back escaped').not.toContain('<img src=x onerror');
        }
        const repeated = await get(`${pagePath}?${param}=a&${param}=b`, { cookie });
        expect(repeated.status, `${param} twice`).toBe(200);
      }
    });
  }

  test('/find-a-provider and /sign-in with hostile query text', async () => {
    for (const value of VALUES) {
      expect((await get(`/find-a-provider?q=${encodeURIComponent(value)}`)).status).toBe(200);
      const res = await get(`/sign-in?callbackUrl=${encodeURIComponent(value)}`);
      expect(res.status).toBe(200);
      expect(await res.text()).not.toContain('<img src=x onerror');
    }
  });

  // Hostile tokens on the link pages are fuzzed on the domain functions
  // (tests/security/fuzz/read-functions.test.ts): over HTTP each unknown
  // token counts against the per-address link limit the flow specs need.

  test('reflected HTML in the customers search does not run in the browser', async ({ page }) => {
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs += 1;
      void d.dismiss();
    });
    await signIn(page, 'admin@northwind.example');
    await page.goto(`/customers?q=${encodeURIComponent('"><img src=x onerror=alert(1)><script>alert(2)</script>')}`);
    await expect(page.getByRole('searchbox')).toHaveValue('"><img src=x onerror=alert(1)><script>alert(2)</script>');
    await page.waitForTimeout(300);
    expect(dialogs).toBe(0);
  });
});
