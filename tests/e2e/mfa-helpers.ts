import { expect, type Page } from '@playwright/test';
import { generate } from 'otplib';
import { PASSWORD } from './helpers';

/**
 * The authenticator app's code for `secret`, `stepsAhead` 30-second steps
 * from now: a code is accepted once, and the server also accepts the next
 * step's code (clock drift), so a second sign-in within one step uses that.
 */
export function totpCode(secret: string, stepsAhead = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 });
}

/**
 * Sign-in security → Set up authenticator app → the secret read from the
 * page → Verify; returns the secret and the recovery codes shown once.
 */
export async function enrolTotp(page: Page): Promise<{ secret: string; recoveryCodes: string[] }> {
  await page.getByRole('link', { name: 'Sign-in security' }).click();
  await expect(page.getByRole('heading', { name: 'Sign-in security', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Set up authenticator app' }).click();
  await expect(page.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
  const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
  await page.getByLabel('Code', { exact: true }).fill(await totpCode(secret));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByText('An authenticator app is set up.')).toBeVisible();
  const codes = page.locator('[data-recovery-code]');
  await expect(codes).toHaveCount(10);
  return { secret, recoveryCodes: await codes.allTextContents() };
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** The password step (from `path`, which leads to sign-in), ending on the second step's page. */
export async function passwordStep(page: Page, email: string, path = '/sign-in') {
  await page.goto(path);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/sign-in\/verify/);
}

/** The second step with a code (authenticator app or recovery code). */
export async function codeStep(page: Page, code: string) {
  await page.getByLabel('Authentication code').fill(code);
  await page.getByRole('button', { name: 'Verify' }).click();
}
