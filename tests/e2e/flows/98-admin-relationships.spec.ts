import { expect, test } from '@playwright/test';
import { as } from './subscription';

// Delegated admin relationships on the demo data: a Global Administrator
// request with auto-extend is refused with a clear message; Tailspin IT's
// pending request is approved by Woodgrove Bank's admin and becomes active.
// A flow: it approves the demo's pending request and adds one of its own.

test('a partner requests a relationship; Global Administrator with auto-extend is refused; the customer approves', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const provider = await as(browser, 'admin@northwind.example');
  await provider.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await provider.getByRole('link', { name: 'Woodgrove Bank' }).click();
  const existing = provider.getByRole('region', { name: 'Delegated admin relationships' });
  await expect(existing.getByRole('row').filter({ hasText: 'Northwind read access' })).toContainText('Active');

  const form = provider.getByRole('region', { name: 'Request a relationship' });
  const name = `Full access ${Date.now().toString(36)}`;
  await form.getByLabel('Relationship name').fill(name);
  await form.getByLabel('Global Administrator').check();
  await form.getByLabel('Auto-extend').selectOption({ label: '180 days' });
  await form.getByRole('button', { name: 'Request a relationship' }).click();
  await expect(form.getByText('Auto-extend is not available with the Global Administrator role')).toBeVisible();
  await form.getByLabel('Auto-extend').selectOption({ label: 'Off' });
  await form.getByRole('button', { name: 'Request a relationship' }).click();
  await expect(form.getByRole('status')).toHaveText("Request sent to Woodgrove Bank's admins.");
  await provider.reload();
  await expect(existing.getByRole('row').filter({ hasText: name })).toContainText('Pending approval');
  await provider.context().close();

  const customer = await as(browser, 'admin@woodgrove.onmicrosoft.example');
  await customer.getByRole('link', { name: 'Partner relationships' }).click();
  const table = customer.getByRole('region', { name: 'Delegated admin relationships' });
  const tailspin = table.getByRole('row').filter({ hasText: 'Tailspin onboarding' });
  await expect(tailspin).toContainText('Pending approval');
  await expect(tailspin).toContainText('Tailspin IT');
  await tailspin.getByRole('button', { name: 'Approve' }).click();
  // The row is drawn again as active (its Approve button gone), and stays so on a new load.
  await expect(tailspin).toContainText('Active');
  await expect(tailspin.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await customer.reload();
  await expect(table.getByRole('row').filter({ hasText: 'Tailspin onboarding' })).toContainText('Active');
  await expect(table.getByRole('row').filter({ hasText: 'Fabrikam support for Woodgrove' })).toContainText('Active');
  await customer.context().close();
});
