import { expect, test } from '@playwright/test';
import { signIn } from '../helpers';

// F4 on the demo data: Woodgrove Bank, managed by Fabrikam, has no Business
// Standard subscription until this flow adds one. No other flow adds one to it
// or changes Northwind's partnership with Fabrikam.
test('F4: Woodgrove Bank’s row expands; Add subscription credits Fabrikam; Fabrikam and Woodgrove see it', async ({
  browser,
}) => {
  const northwind = await browser.newPage();
  await signIn(northwind, 'admin@northwind.example');
  await northwind.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await northwind.getByLabel('Indirect reseller').selectOption({ label: 'Fabrikam Solutions (5200001)' });
  await expect(northwind).toHaveURL(/reseller=/);
  await northwind.getByRole('button', { name: 'Expand Woodgrove Bank' }).click();
  const form = northwind.getByRole('form', { name: 'Add subscription' });
  await expect(form).toBeVisible();
  await form.getByRole('checkbox', { name: 'Microsoft 365 Business Standard' }).check();
  await form.getByLabel('Licenses for Microsoft 365 Business Standard').fill('0');
  await form.getByRole('button', { name: 'Submit' }).click();
  await expect(form.getByText('Licences must be a whole number of 1 or more.')).toBeVisible();
  await form.getByLabel('Licenses for Microsoft 365 Business Standard').fill('3');
  await form.getByLabel('Reseller (MPN ID)').selectOption({ label: 'Fabrikam Solutions (5200001)' });
  await form.getByRole('button', { name: 'Submit' }).click();
  await expect(form.getByRole('status')).toHaveText('1 subscription added.');
  const row = northwind.getByRole('row', { name: /Microsoft 365 Business Standard/ });
  await expect(row).toContainText('3');
  await expect(row).toContainText('Fabrikam Solutions (5200001)');

  const fabrikam = await browser.newPage();
  await signIn(fabrikam, 'admin@fabrikam.example');
  await fabrikam.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await fabrikam.getByRole('link', { name: 'Woodgrove Bank' }).click();
  await expect(fabrikam.getByRole('row', { name: /Microsoft 365 Business Standard/ })).toContainText('3');

  const woodgrove = await browser.newPage();
  await signIn(woodgrove, 'admin@woodgrove.onmicrosoft.example');
  await expect(woodgrove.getByRole('row', { name: /Microsoft 365 Business Standard/ })).toContainText('3');
});
