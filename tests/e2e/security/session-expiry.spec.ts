import { expect, test, type APIRequestContext } from '@playwright/test';
import { signIn } from '../helpers';

// lib/auth/session-times.ts: a session ends after 8 hours without a request
// and 7 days after sign-in, measured with the portal's clock (moved here
// through PC_TEST_CLOCK's /api/test/clock).

const HOUR = 3_600_000;

test.describe.configure({ mode: 'serial' });

async function moveClock(request: APIRequestContext, body: object) {
  const response = await request.post('/api/test/clock', { data: body });
  expect(response.status()).toBe(200);
}

test.afterEach(async ({ request }) => {
  await moveClock(request, { reset: true });
});

test('the session cookie is HttpOnly and SameSite=Lax (Secure only on https)', async ({ page, context }) => {
  await signIn(page, 'admin@tailspin.example');
  const cookie = (await context.cookies()).find((c) => c.name.endsWith('next-auth.session-token'));
  expect(cookie).toBeDefined();
  expect(cookie!.httpOnly).toBe(true);
  expect(cookie!.sameSite).toBe('Lax');
  expect(cookie!.secure).toBe(false); // served over http here; NEXTAUTH_URL=https://… makes it Secure
});

test('idle: requests keep the session alive; 8 hours without one end it', async ({ page, request }) => {
  await signIn(page, 'admin@tailspin.example');
  for (let i = 0; i < 2; i++) {
    await moveClock(request, { advanceMs: 7 * HOUR });
    await page.goto('/customers');
    await expect(page).toHaveURL(/\/customers$/);
  }
  // 14 hours after sign-in, but only 7 idle: still signed in. Now 8 hours and a minute idle:
  await moveClock(request, { advanceMs: 8 * HOUR + 60_000 });
  await page.goto('/customers');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fcustomers/);
});

test('absolute: 7 days after sign-in the session ends however active it was', async ({ page, request }) => {
  await signIn(page, 'admin@tailspin.example');
  for (let hours = 6; hours < 168; hours += 6) {
    await moveClock(request, { advanceMs: 6 * HOUR });
    await page.goto('/customers');
    await expect(page).toHaveURL(/\/customers$/);
  }
  await moveClock(request, { advanceMs: 6 * HOUR });
  await page.goto('/customers');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fcustomers/);
});
