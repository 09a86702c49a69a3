import { expect, test } from '@playwright/test';
import { ACCOUNTS, PASSWORD, signIn } from './helpers';

test.describe('sign-in', () => {
  for (const account of ACCOUNTS) {
    test(`${account.email} lands on its home showing ${account.org}`, async ({ page }) => {
      await signIn(page, account.email);
      await expect(page).toHaveURL(/\/$/);
      await expect(page.getByTestId('org-name')).toHaveText(account.org);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(account.org);
    });
  }

  test('a wrong password shows one error and signs nobody in', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill('admin@northwind.example');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const error = page.locator('form').getByRole('alert');
    await expect(error).toHaveText('The email or password is incorrect.');
    await page.goto('/customers');
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fcustomers/);
  });

  test('an unknown email gets the same error as a wrong password', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill('nobody@nowhere.example');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('form').getByRole('alert')).toHaveText('The email or password is incorrect.');
  });

  test('/customers without a session leads to sign-in, never to data', async ({ page }) => {
    const response = await page.goto('/customers');
    await expect(page).toHaveURL(/\/sign-in/);
    expect(await response?.text()).not.toContain('Woodgrove');
    await expect(page.getByText('Woodgrove Bank')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  });

  test('after sign-in the user returns to the page first asked for', async ({ page }) => {
    await page.goto('/customers');
    await page.getByLabel('Email').fill('admin@northwind.example');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/customers$/);
    await expect(page.getByRole('link', { name: 'Woodgrove Bank' })).toBeVisible();
  });
});
