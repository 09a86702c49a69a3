import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

const VENDOR = process.env.VENDOR_NAME || 'Microsoft';

test.describe('R13 provider profile', () => {
  test('vendor staff edit Northwind’s profile and Find a provider shows it', async ({ page }) => {
    const description = `Northwind serves resellers in North America and Japan (edited ${Date.now()}).`;
    await signIn(page, 'staff@vendor.example');
    await page.getByRole('navigation').getByRole('link', { name: 'Partners' }).click();
    await page
      .getByRole('row', { name: /Northwind Distribution/ })
      .getByRole('link', { name: 'Edit profile' })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Edit profile: Northwind Distribution');
    await page.getByLabel('Description').fill(description);
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByRole('status')).toContainText('Profile saved.');
    await expect(page.getByLabel('Description')).toHaveValue(description);

    await page.goto('/find-a-provider');
    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Northwind Distribution' }) });
    await expect(card).toContainText(description);
  });

  test('an invalid website is refused and what was typed stays', async ({ page }) => {
    await signIn(page, 'staff@vendor.example');
    await page.goto('/partners');
    await page
      .getByRole('row', { name: /Northwind Distribution/ })
      .getByRole('link', { name: 'Edit profile' })
      .click();
    await page.getByLabel('Website').fill('javascript:alert(1)');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByText('Enter a web address starting with https:// or http://.')).toBeVisible();
    await expect(page.getByLabel('Website')).toHaveValue('javascript:alert(1)');
  });

  test('the provider sees its profile read-only, with no way to edit it', async ({ browser }) => {
    const staff = await browser.newPage();
    await signIn(staff, 'staff@vendor.example');
    await staff.goto('/partners');
    await staff
      .getByRole('row', { name: /Northwind Distribution/ })
      .getByRole('link', { name: 'Edit profile' })
      .click();
    await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Edit profile: Northwind Distribution');
    const editUrl = staff.url();

    const page = await browser.newPage();
    await signIn(page, 'admin@northwind.example');
    await page.getByRole('navigation').getByRole('link', { name: 'Profile' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Profile');
    await expect(page.getByText(`To change your profile, contact your ${VENDOR} representative.`)).toBeVisible();
    await expect(page.getByText('Regions served')).toBeVisible();
    await expect(page.getByRole('textbox')).toHaveCount(0);
    await expect(page.getByRole('button', { name: /save|edit/i })).toHaveCount(0);
    await expect(page.getByRole('link', { name: /edit/i })).toHaveCount(0);
    // Nor by the vendor's URL: the edit screen and the partners list answer 404.
    expect((await page.goto(editUrl))?.status()).toBe(404);
    expect((await page.goto('/partners'))?.status()).toBe(404);
  });

  test('the profile page belongs to providers: a reseller gets 404', async ({ page }) => {
    await signIn(page, 'admin@fabrikam.example');
    expect((await page.goto('/profile'))?.status()).toBe(404);
  });
});
