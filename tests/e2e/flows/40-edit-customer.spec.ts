import { expect, test } from '@playwright/test';
import { signIn } from '../helpers';

// R3: the managing reseller has admin access to its customer's account info.
// Starts from the demo's Woodgrove Bank in Seattle, managed by Fabrikam; no
// other flow changes its account info or its managing reseller.
test('Fabrikam, as Woodgrove Bank’s managing reseller, changes its account info; Tailspin cannot open the form', async ({
  browser,
}) => {
  const fabrikam = await browser.newPage();
  await signIn(fabrikam, 'admin@fabrikam.example');
  await fabrikam.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await fabrikam.getByRole('link', { name: 'Woodgrove Bank' }).click();
  await expect(fabrikam).toHaveURL(/\/customers\/[^/]+$/);
  const customerUrl = fabrikam.url();
  await fabrikam.getByRole('link', { name: 'Edit account info' }).click();
  await fabrikam.getByLabel('Email').fill('not-an-email');
  await fabrikam.getByRole('button', { name: 'Save' }).click();
  await expect(fabrikam.getByText('Check the highlighted fields.')).toBeVisible();
  await expect(fabrikam.getByLabel('City')).toHaveValue('Seattle');
  await fabrikam.getByLabel('Email').fill('it@woodgrove.example');
  await fabrikam.getByLabel('City').fill('Bellevue');
  await fabrikam.getByRole('button', { name: 'Save' }).click();
  await expect(fabrikam.getByText('Account info saved.')).toBeVisible();
  await expect(fabrikam.getByText(/Bellevue/)).toBeVisible();

  const tailspin = await browser.newPage();
  await signIn(tailspin, 'admin@tailspin.example');
  expect((await tailspin.goto(`${customerUrl}/edit`))?.status()).toBe(404);
});
