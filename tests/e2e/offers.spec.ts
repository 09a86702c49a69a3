import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

// Creates its own offer: other specs buy the demo offers, which stay untouched.
test.describe('offer catalog', () => {
  test('vendor staff add an offer, see it listed, edit its price and deactivate it', async ({ page }) => {
    const sku = `E2E-${Date.now().toString(36).toUpperCase()}`;
    const name = `E2E Offer ${sku}`;
    await signIn(page, 'staff@vendor.example');
    await page.getByRole('navigation').getByRole('link', { name: 'Offers' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Offers');
    await expect(page.getByRole('row', { name: /Microsoft 365 Business Basic/ })).toContainText('$6.00');

    await page.getByRole('link', { name: 'Add offer' }).click();
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('SKU').fill(sku);
    await page.getByLabel('Unit price').fill('-1');
    await page.getByRole('button', { name: 'Add offer' }).click();
    await expect(page.getByText('This value cannot be negative.')).toBeVisible();
    await expect(page.getByLabel('SKU')).toHaveValue(sku);

    await page.getByLabel('Unit price').fill('9.50');
    await page.getByLabel('Incentive rate (%)').fill('7.5');
    await page
      .getByRole('group', { name: 'Upgrade targets' })
      .getByLabel(/Microsoft 365 E3/)
      .check();
    await page.getByRole('button', { name: 'Add offer' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Offer ${name} added.` })).toBeVisible();
    const row = page.getByRole('row', { name: new RegExp(sku) });
    await expect(row).toContainText('$9.50');
    await expect(row).toContainText('7.5%');
    await expect(row).toContainText('1–300');
    await expect(row).toContainText('Microsoft 365 E3');
    await expect(row).toContainText('Active');

    await row.getByRole('link', { name: `Edit ${name}` }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Edit offer: ${name}`);
    await expect(page.getByLabel('Unit price')).toHaveValue('9.50');
    await page.getByLabel('Unit price').fill('11.25');
    await page.getByRole('button', { name: 'Save offer' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Offer saved.' })).toBeVisible();
    await expect(page.getByLabel('Unit price')).toHaveValue('11.25');

    await page.getByRole('link', { name: 'Back to offers' }).click();
    await expect(row).toContainText('$11.25');
    await row.getByRole('button', { name: `Deactivate ${name}` }).click();
    await expect(row.getByRole('status')).toHaveText(`${name} is deactivated.`);
    await expect(row).toContainText('Inactive');
    await expect(row.getByRole('button', { name: `Reactivate ${name}` })).toBeVisible();
    // The demo offers are untouched.
    await expect(page.getByRole('row', { name: /Microsoft 365 Business Basic/ })).toContainText('Active');
  });

  test('a provider admin gets 404 on the offer catalog', async ({ page }) => {
    await signIn(page, 'admin@northwind.example');
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Offers' })).toHaveCount(0);
    expect((await page.goto('/offers'))?.status()).toBe(404);
    expect((await page.goto('/offers/new'))?.status()).toBe(404);
  });
});
