import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('switching to 日本語 translates the navigation and survives a reload', async ({ page }) => {
  await signIn(page, 'admin@northwind.example');
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('link', { name: 'Indirect resellers' })).toBeVisible();
  await page.getByRole('button', { name: '日本語' }).click();
  await expect(nav.getByRole('link', { name: '間接リセラー' })).toBeVisible();
  await expect(nav.getByRole('link', { name: '顧客' })).toBeVisible();
  await page.reload();
  await expect(nav.getByRole('link', { name: '間接リセラー' })).toBeVisible();
  await expect(nav.getByRole('link', { name: '顧客' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(nav.getByRole('link', { name: 'Indirect resellers' })).toBeVisible();
});
