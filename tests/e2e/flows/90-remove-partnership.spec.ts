import { expect, test } from '@playwright/test';
import { signIn } from '../helpers';

// R10 on the demo data: Northwind removes Fabrikam, which loses Woodgrove Bank.
test('Remove partnership: Fabrikam loses Woodgrove Bank at once, Northwind keeps it', async ({ browser }) => {
  const fabrikam = await browser.newPage();
  await signIn(fabrikam, 'admin@fabrikam.example');
  await fabrikam.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await fabrikam.getByRole('link', { name: 'Woodgrove Bank' }).click();
  await expect(fabrikam).toHaveURL(/\/customers\/[^/]+$/);
  await expect(fabrikam.getByRole('heading', { level: 1 })).toHaveText('Woodgrove Bank');
  const woodgroveUrl = fabrikam.url();

  const northwind = await browser.newPage();
  await signIn(northwind, 'admin@northwind.example');
  await northwind.getByRole('navigation').getByRole('link', { name: 'Indirect resellers' }).click();
  await northwind
    .getByRole('row', { name: /Fabrikam Solutions/ })
    .getByRole('link', { name: 'Remove partnership' })
    .click();
  await expect(
    northwind.getByRole('heading', { name: 'Remove partnership with Fabrikam Solutions (5200001)?' }),
  ).toBeVisible();
  await expect(
    northwind.getByText(
      'Fabrikam Solutions loses delegated admin access to the 1 customer it manages; they fall back to you.',
    ),
  ).toBeVisible();
  await northwind.getByRole('button', { name: 'Remove partnership' }).click();
  await expect(northwind.getByText('The partnership with Fabrikam Solutions was removed.')).toBeVisible();
  await expect(northwind.getByRole('row', { name: /Fabrikam Solutions/ })).toContainText('Ended');

  await fabrikam.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await expect(fabrikam.getByText('Woodgrove Bank')).toHaveCount(0);
  expect((await fabrikam.goto(woodgroveUrl))?.status()).toBe(404);
  await fabrikam.getByRole('navigation').getByRole('link', { name: 'Indirect providers' }).click();
  await expect(fabrikam.getByRole('row', { name: /Northwind Distribution/ })).toContainText('Ended');

  await northwind.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await expect(northwind.getByRole('link', { name: 'Woodgrove Bank' })).toBeVisible();
});
