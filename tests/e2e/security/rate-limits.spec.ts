import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { PASSWORD } from '../helpers';

// lib/rate-limit: 5 failed sign-ins for one email within 15 minutes, then a
// wait; the same for an unknown email; through the form and through direct
// HTTP to next-auth's credentials callback. The server's clock is moved past
// the window (PC_TEST_CLOCK) and only forward until afterAll puts it back:
// every window opened here then starts in the future and counts for nothing
// (lib/rate-limit/limiter.ts), so later specs
// signing in or opening links from 127.0.0.1 are not refused.

const MINUTE = 60_000;
const ACCOUNT = 'sales@northwind.example';
const WRONG = 'The email or password is incorrect.';
const WAIT = /^Too many failed sign-in attempts\. Wait 1[45] minutes and try again\.$/;

test.describe.configure({ mode: 'serial' });

async function moveClock(request: APIRequestContext, body: object) {
  const response = await request.post('/api/test/clock', { data: body });
  expect(response.status()).toBe(200);
}

async function formSignIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** POSTs to next-auth's credentials callback as a script would: CSRF token first. */
async function httpSignIn(request: APIRequestContext, email: string, password: string) {
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email, password, callbackUrl: '/', json: 'true' },
    maxRedirects: 0,
  });
  const body = (await response.json().catch(() => ({}))) as { url?: string };
  const error = body.url ? new URL(body.url).searchParams.get('error') : null;
  return { status: response.status(), error };
}

// Other specs fail sign-ins and open unknown links from this address too:
// start past every window they may have opened, so counts here start at 0.
test.beforeAll(async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  await moveClock(request, { advanceMs: 20 * MINUTE });
  await request.dispose();
});

test.afterAll(async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  // Past every window: one success clears the account, one failure and one
  // unknown link start fresh windows in the future, which end when the clock returns.
  await moveClock(request, { advanceMs: 16 * MINUTE });
  await httpSignIn(request, ACCOUNT, PASSWORD);
  await httpSignIn(request, 'cleanup-nobody@nowhere.example', 'not-the-password');
  await request.get('/partnership-invitations/cleanup-unknown-token');
  await moveClock(request, { reset: true });
  await request.dispose();
});

test('6 wrong sign-ins for one account in a minute: the 6th is refused with the wait message, also through direct HTTP; the right password works after the wait', async ({
  page,
  request,
}) => {
  for (let i = 0; i < 5; i++) {
    await formSignIn(page, ACCOUNT, `not-the-password-${i}`);
    await expect(page.locator('form').getByRole('alert')).toHaveText(WRONG);
  }
  // The right password is refused too while the wait lasts.
  await formSignIn(page, ACCOUNT, PASSWORD);
  await expect(page.locator('form').getByRole('alert')).toHaveText(WAIT);
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);

  const http = await httpSignIn(request, ACCOUNT, PASSWORD);
  expect(http.error).toMatch(/^TooManyAttempts:1[45]$/);
  const session = await (await request.get('/api/auth/session')).json();
  expect(session).toEqual({});

  await moveClock(request, { advanceMs: 16 * MINUTE });
  await formSignIn(page, ACCOUNT, PASSWORD);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
});

test('an unknown email gets exactly the same answers: 5 times "incorrect", then the wait', async ({
  page,
  request,
}) => {
  const nobody = 'nobody-rate-limit@nowhere.example';
  for (let i = 0; i < 5; i++) {
    const http = await httpSignIn(request, nobody, `not-the-password-${i}`);
    expect(http.error).toBe('CredentialsSignin');
  }
  expect((await httpSignIn(request, nobody, PASSWORD)).error).toMatch(/^TooManyAttempts:1[45]$/);
  await formSignIn(page, nobody, PASSWORD);
  await expect(page.locator('form').getByRole('alert')).toHaveText(WAIT);
});

test('guessing partnership link tokens: after 10 unknown tokens the address waits', async ({ page }) => {
  for (let i = 0; i < 10; i++) {
    await page.goto(`/partnership-invitations/guess-${i}-${Date.now()}`);
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Too many attempts');
  }
  await page.goto('/relationship-requests/guess-last');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Too many attempts');
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(
    /^Too many attempts\. Wait 1[45] minutes and try again\.$/,
  );
});
