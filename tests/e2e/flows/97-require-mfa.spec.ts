import { expect, test, type Page } from '@playwright/test';
import { signIn } from '../helpers';
import { codeStep, enrolTotp, passwordStep, totpCode } from '../mfa-helpers';

// Require multi-factor sign-in for Tailspin IT: a Tailspin user without a
// factor is sent to enrolment and can open nothing else until done. The
// admin enrols first (a user who requires it must have it), and at the end
// turns it off and removes the factor, so Tailspin's admin signs in with the
// password alone again, as other flows expect.

let adminSecret: string | null = null;

async function setRequired(page: Page, on: boolean) {
  await page.goto('/security');
  const box = page.getByLabel('Require multi-factor sign-in');
  if (on) await box.check();
  else await box.uncheck();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
}

test.afterAll(async ({ browser }) => {
  if (!adminSecret) return;
  const page = await browser.newPage();
  await passwordStep(page, 'admin@tailspin.example');
  await codeStep(page, await totpCode(adminSecret, 1));
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await setRequired(page, false);
  await page.getByRole('button', { name: 'Remove the authenticator app' }).click();
  await expect(page.getByRole('button', { name: 'Set up authenticator app' })).toBeVisible();
  await page.close();
});

test('with Require multi-factor sign-in on for Tailspin, a Tailspin user without a factor is sent to enrolment and can open nothing else', async ({
  browser,
}) => {
  const admin = await browser.newPage();
  await signIn(admin, 'admin@tailspin.example');
  adminSecret = (await enrolTotp(admin)).secret;
  await setRequired(admin, true);

  const user = await browser.newPage();
  await signIn(user, 'sales@tailspin.example');
  await expect(user).toHaveURL(/\/security$/);
  await expect(user.getByText('Your organisation requires multi-factor sign-in.', { exact: false })).toBeVisible();
  for (const path of ['/', '/customers', '/indirect-providers', '/audit-log', '/change-password']) {
    await user.goto(path);
    await expect(user).toHaveURL(/\/security$/);
  }
  await expect(user.getByRole('navigation', { name: 'Main navigation' }).getByRole('link')).toHaveCount(0);

  // Once a factor is confirmed, the user goes on.
  await enrolTotp(user);
  await user.goto('/customers');
  await expect(user).toHaveURL(/\/customers$/);
});
