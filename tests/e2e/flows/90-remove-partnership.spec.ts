import { expect, test } from '@playwright/test';
import { PARTNERSHIP_REMOVAL as REMOVAL } from '../fixtures';
import { signIn } from '../helpers';

// R10: Northwind removes a reseller, which loses the one customer it manages.
// The reseller and customer are the flow's own (tests/e2e/fixtures/flows.ts,
// PARTNERSHIP_REMOVAL: Trey Research managing Alpine Ski House), so the demo's
// partnerships stay for the other flows whatever order they run in.
test('Remove partnership: Trey Research loses Alpine Ski House at once, Northwind keeps it', async ({ browser }) => {
  const reseller = await browser.newPage();
  await signIn(reseller, REMOVAL.admin);
  await reseller.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await reseller.getByRole('link', { name: REMOVAL.customer }).click();
  await expect(reseller).toHaveURL(/\/customers\/[^/]+$/);
  await expect(reseller.getByRole('heading', { level: 1 })).toHaveText(REMOVAL.customer);
  const customerUrl = reseller.url();

  const northwind = await browser.newPage();
  await signIn(northwind, 'admin@northwind.example');
  await northwind.getByRole('navigation').getByRole('link', { name: 'Indirect resellers' }).click();
  await northwind
    .getByRole('row', { name: new RegExp(REMOVAL.reseller) })
    .getByRole('link', { name: 'Remove partnership' })
    .click();
  await expect(
    northwind.getByRole('heading', { name: `Remove partnership with ${REMOVAL.reseller} (${REMOVAL.mpnId})?` }),
  ).toBeVisible();
  await expect(
    northwind.getByText(
      `${REMOVAL.reseller} loses delegated admin access to the 1 customer it manages; they fall back to you.`,
    ),
  ).toBeVisible();
  await northwind.getByRole('button', { name: 'Remove partnership' }).click();
  await expect(northwind.getByText(`The partnership with ${REMOVAL.reseller} was removed.`)).toBeVisible();
  await expect(northwind.getByRole('row', { name: new RegExp(REMOVAL.reseller) })).toContainText('Ended');

  await reseller.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await expect(reseller.getByText(REMOVAL.customer)).toHaveCount(0);
  expect((await reseller.goto(customerUrl))?.status()).toBe(404);
  await reseller.getByRole('navigation').getByRole('link', { name: 'Indirect providers' }).click();
  await expect(reseller.getByRole('row', { name: /Northwind Distribution/ })).toContainText('Ended');

  await northwind.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await expect(northwind.getByRole('link', { name: REMOVAL.customer })).toBeVisible();
});
