import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test.describe('R3/R4 scoping', () => {
  test('the provider sees its resellers and customers, filterable by reseller', async ({ page }) => {
    await signIn(page, 'admin@northwind.example');
    await page.getByRole('navigation').getByRole('link', { name: 'Indirect resellers' }).click();
    const resellers = page.getByRole('table');
    await expect(resellers.getByRole('row', { name: /Fabrikam Solutions/ })).toContainText('5200001');
    await expect(resellers.getByRole('row', { name: /Tailspin IT/ })).toContainText('5200002');
    await expect(resellers.getByText('Adatum Reseller')).toHaveCount(0);

    await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
    await expect(page.getByRole('link', { name: 'Woodgrove Bank' })).toBeVisible();
    // The filter applies on change once the page's scripts run; before that (a loaded machine) its form's
    // button applies it, as it does without JavaScript.
    const filterBy = async (label: string) => {
      const before = page.url();
      await page.getByLabel('Indirect reseller').selectOption({ label });
      if (
        !(await page
          .waitForURL((url) => url.href !== before, { timeout: 3_000 })
          .then(
            () => true,
            () => false,
          ))
      )
        await page.getByRole('search').getByRole('button', { name: 'Search' }).click();
      await expect(page).toHaveURL(/reseller=/);
    };
    await filterBy('Tailspin IT (5200002)');
    await expect(page.getByRole('link', { name: 'Woodgrove Bank' })).toHaveCount(0);
    await filterBy('Fabrikam Solutions (5200001)');
    await expect(page.getByRole('link', { name: 'Woodgrove Bank' })).toBeVisible();
  });

  test('the managing reseller sees Woodgrove Bank; another reseller gets 404 on its URL', async ({ browser }) => {
    const fabrikam = await browser.newPage();
    await signIn(fabrikam, 'admin@fabrikam.example');
    await fabrikam.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
    await fabrikam.getByRole('link', { name: 'Woodgrove Bank' }).click();
    await expect(fabrikam.getByRole('heading', { level: 1 })).toHaveText('Woodgrove Bank');
    await expect(fabrikam.getByRole('cell', { name: 'Microsoft 365 Business Basic' })).toBeVisible();
    const woodgroveUrl = fabrikam.url();

    const tailspin = await browser.newPage();
    await signIn(tailspin, 'admin@tailspin.example');
    await tailspin.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
    await expect(tailspin.getByText('Woodgrove Bank')).toHaveCount(0);
    const response = await tailspin.goto(woodgroveUrl);
    expect(response?.status()).toBe(404);
    await expect(tailspin.getByText('Woodgrove Bank')).toHaveCount(0);
    await expect(tailspin.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  });

  test('the customer sees its subscriptions and their support contacts', async ({ page }) => {
    await signIn(page, 'admin@woodgrove.onmicrosoft.example');
    const row = page.getByRole('row', { name: /Microsoft 365 Business Basic/ });
    await expect(row).toContainText('10');
    await expect(row).toContainText('Northwind Distribution');
    await expect(page.getByText('Fabrikam Solutions').first()).toBeVisible();
  });

  test('screens of another role answer 404', async ({ page }) => {
    await signIn(page, 'admin@fabrikam.example');
    expect((await page.goto('/indirect-resellers'))?.status()).toBe(404);
    expect((await page.goto('/partners'))?.status()).toBe(404);
  });

  test('vendor staff see the partners list', async ({ page }) => {
    await signIn(page, 'staff@vendor.example');
    await page.getByRole('navigation').getByRole('link', { name: 'Partners' }).click();
    for (const name of ['Northwind Distribution', 'Fabrikam Solutions', 'Tailspin IT', 'Adatum Reseller']) {
      await expect(page.getByRole('row', { name: new RegExp(name) })).toBeVisible();
    }
  });

  test('anyone can read the public list of indirect providers', async ({ page }) => {
    await page.goto('/find-a-provider');
    await expect(page.getByRole('heading', { name: 'Northwind Distribution' })).toBeVisible();
    await expect(page.getByText('Fabrikam Solutions')).toHaveCount(0);
  });
});
