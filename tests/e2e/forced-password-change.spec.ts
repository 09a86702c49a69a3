import { expect, test } from '@playwright/test';
import { FIRST_SIGN_IN } from './fixtures';

test('a user who must change the password is sent to change it before anything else', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(FIRST_SIGN_IN.email);
  await page.getByLabel('Password').fill(FIRST_SIGN_IN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/change-password$/);
  await expect(page.getByText('Choose a new password before you continue.')).toBeVisible();

  // Nothing else opens until the password is changed.
  await page.goto('/');
  await expect(page).toHaveURL(/\/change-password$/);

  await page.getByLabel('Current password').fill(FIRST_SIGN_IN.password);
  await page.getByLabel('New password', { exact: true }).fill('short1');
  await page.getByLabel('Confirm new password').fill('short1');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('The password must have at least 12 characters.')).toBeVisible();

  const next = 'Woodgrove-Passw0rd-2026';
  await page.getByLabel('Current password').fill(FIRST_SIGN_IN.password);
  await page.getByLabel('New password', { exact: true }).fill(next);
  await page.getByLabel('Confirm new password').fill(next);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Woodgrove Bank');
  await expect(page.getByRole('row', { name: /Microsoft 365 Business Basic/ })).toContainText('Northwind Distribution');
});
