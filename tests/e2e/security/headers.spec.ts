import { expect, test, type APIResponse, type Page, type Response } from '@playwright/test';
import { signIn } from '../helpers';

// next.config.ts (fixed headers) and proxy.ts (CSP with a nonce per request,
// HSTS on https) on every kind of response of the production build.

type Headers = Record<string, string>;

function expectFixedHeaders(headers: Headers, what: string) {
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
  expect(headers['permissions-policy'], what).toContain('camera=()');
  expect(headers['x-frame-options'], what).toBe('DENY');
  expect(headers['x-powered-by'], what).toBeUndefined();
  expect(headers['strict-transport-security'], what).toBeUndefined(); // http here
}

function expectCsp(headers: Headers, what: string): string {
  const csp = headers['content-security-policy'];
  expect(csp, what).toBeDefined();
  expect(csp, what).toContain("frame-ancestors 'none'");
  const script = csp!
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith('script-src'));
  expect(script, what).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(script, what).not.toContain("'unsafe-inline'");
  expect(script, what).not.toContain("'unsafe-eval'");
  return /'nonce-([^']+)'/.exec(script!)![1]!;
}

function check(response: Response | APIResponse | null, what: string) {
  expect(response, what).not.toBeNull();
  const headers = response!.headers();
  expectFixedHeaders(headers, what);
  return expectCsp(headers, what);
}

test('pages, 404s and route handlers carry the security headers; every page gets a fresh nonce on its scripts', async ({
  page,
  request,
}) => {
  const first = check(await page.goto('/sign-in'), 'sign-in');
  const scripts = await page.locator('script').evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((n) => n === first)).toBe(true);
  // Hydration works under the policy: the form's client code runs.
  await page.getByLabel('Email').fill('x');
  const second = check(await page.goto('/sign-in'), 'sign-in again');
  expect(second).not.toBe(first);

  check(await page.goto('/find-a-provider'), 'public page');
  check(await page.goto('/enrol'), 'enrolment');
  const missing = await page.goto('/no-such-page');
  expect(missing!.status()).toBe(404);
  check(missing, '404 page');
  check(await page.goto('/partnership-invitations/not-a-token'), 'link page');
  check(await request.get('/api/auth/csrf'), 'route handler');
  check(await request.get('/api/auth/session'), 'session route');
  const apiMissing = await request.get('/api/no-such-route');
  expect(apiMissing.status()).toBe(404);
  check(apiMissing, 'unknown route');

  await signIn(page, 'admin@northwind.example');
  check(await page.goto('/customers'), 'signed-in page');
});

test('static build files carry nosniff and a policy that runs nothing', async ({ page, request }) => {
  await page.goto('/sign-in');
  const src = await page.locator('script[src^="/_next/static/"]').first().getAttribute('src');
  expect(src).toMatch(/^\/_next\/static\/[^?#]+\.js$/);
  const response = await request.get(src!);
  expect(response.status()).toBe(200);
  expectFixedHeaders(response.headers(), 'static asset');
  expect(response.headers()['content-security-policy']).toContain("default-src 'none'");
});

test('a build file in Brotli (the portal server) carries exactly what Next.js gives it in gzip', async ({
  page,
  request,
}) => {
  await page.goto('/sign-in');
  const sources = await page
    .locator('script[src^="/_next/static/"]')
    .evaluateAll((scripts) => scripts.map((s) => s.getAttribute('src')!));
  const css = await page.locator('link[rel="stylesheet"][href^="/_next/static/"]').first().getAttribute('href');
  let gzipped = 0;
  for (const src of [...sources, css!]) {
    const gzip = await request.get(src, { headers: { 'accept-encoding': 'gzip' } });
    const br = await request.get(src, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    // Next.js leaves files under 1 kB uncompressed; the portal sends their copy all the same.
    if (gzip.headers()['content-encoding'] === 'gzip') gzipped++;
    else expect(Number(gzip.headers()['content-length']), src).toBeLessThan(1024);
    expect(br.headers()['content-encoding'], src).toBe('br');
    for (const name of [
      'content-type',
      'cache-control',
      'content-security-policy',
      'x-content-type-options',
      'x-frame-options',
      'referrer-policy',
      'permissions-policy',
      'cross-origin-opener-policy',
      'strict-transport-security',
    ]) {
      expect(br.headers()[name], `${src}: ${name}`).toBe(gzip.headers()[name]);
    }
    expect(br.headers()['vary'], src).toContain('Accept-Encoding');
    expect((await br.body()).equals(await gzip.body()), src).toBe(true);
  }
  expect(gzipped).toBeGreaterThan(3);
});

async function openEdit(page: Page) {
  await page.goto('/customers');
  await page
    .getByRole('link', { name: /Woodgrove Bank|<script>/ })
    .first()
    .click();
  await page.getByRole('link', { name: 'Edit account info' }).click();
}

test('a script injected through a company name does not run: the text is shown escaped, and server action responses carry the headers', async ({
  page,
}) => {
  const payload = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';
  const violations: string[] = [];
  const actionResponses: Response[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) violations.push(m.text());
  });
  page.on('response', (r) => {
    if (r.request().method() === 'POST' && r.request().headers()['next-action']) actionResponses.push(r);
  });
  await signIn(page, 'admin@northwind.example');
  await openEdit(page);
  await page.getByLabel('Company name').fill(payload);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Account info saved.')).toBeVisible();
  try {
    expect(actionResponses.length).toBeGreaterThan(0);
    for (const r of actionResponses) check(r, 'server action');

    // Every page that shows the name: the text is there as text, nothing ran.
    for (const path of ['/customers', page.url().replace(/\/edit.*$/, '')]) {
      await page.goto(path);
      await expect(page.getByText(payload).first()).toBeVisible();
      expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    }
    // The same markup inserted as HTML, as a careless component might: the
    // policy blocks its inline handler (without the policy it would set 2).
    await page.evaluate((html) => {
      const div = document.createElement('div');
      div.innerHTML = html;
      document.body.append(div);
    }, payload);
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(violations.length).toBeGreaterThan(0);
  } finally {
    await openEdit(page);
    await page.getByLabel('Company name').fill('Woodgrove Bank');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Account info saved.')).toBeVisible();
  }
});
