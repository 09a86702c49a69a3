import { expect, test, type Browser } from '@playwright/test';
import { as, chooseBasic, EN, fillDetails, openFromTailspinRow, unique } from './new-customer';

// F3 and F7 on the demo data: Northwind creates customers for Tailspin IT,
// under names of their own, from Northwind's partnership with Tailspin IT
// (which no flow changes).

test('F3 + F7: Northwind creates a customer for Tailspin IT; setup info once; the admin signs in and sees 5 licences', async ({
  browser,
}) => {
  const prefix = unique('e2ebb');
  const company = `Contoso ${prefix}`;
  const { page, context } = await as(browser, 'admin@northwind.example');
  await openFromTailspinRow(page);

  // Every field is checked on the server, next to the field.
  await page.getByRole('button', { name: 'Next: Subscriptions' }).click();
  await expect(page.locator('#companyName-error')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'New customer' })).toBeVisible();

  await fillDetails(page, EN, company, prefix);
  await expect(page.getByText(`.onmicrosoft.example`, { exact: true })).toBeVisible();
  await expect(page.getByText(`${prefix}.onmicrosoft.example is available.`)).toBeVisible();
  await page.getByRole('button', { name: 'Next: Subscriptions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New subscription' })).toBeVisible();
  await chooseBasic(page, 'Microsoft 365 Business Basic', 'Licenses for Microsoft 365 Business Basic');

  // Going back keeps what was typed.
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByLabel('Company name')).toHaveValue(company);
  await page.getByRole('button', { name: 'Next: Subscriptions' }).click();
  await expect(page.getByLabel('Licenses for Microsoft 365 Business Basic')).toHaveValue('5');

  await page.getByRole('button', { name: 'Next: Review' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review' })).toBeVisible();
  await expect(page.getByText('Tailspin IT (5200002)')).toBeVisible();
  await expect(page.getByRole('row', { name: /Microsoft 365 Business Basic/ })).toContainText('$30.00');
  await expect(page.getByRole('row', { name: /Monthly total/ })).toContainText('$30.00');
  await page.getByRole('button', { name: 'Submit' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Confirmation' })).toBeVisible();
  const setup = page.getByRole('region', { name: 'Setup info' });
  await expect(setup).toContainText(`admin@${prefix}.onmicrosoft.example`);
  await expect(setup.getByText('It cannot be shown again')).toBeVisible();
  const password = (await setup.getByTestId('temporary-password').textContent())!.trim();
  expect(password.length).toBeGreaterThanOrEqual(12);
  await expect(setup.getByRole('button', { name: 'Copy to clipboard' })).toBeVisible();

  // R6: the password lives only in the page; reloading its URL shows the empty form.
  const again = await context.newPage();
  await again.goto(page.url());
  await expect(again.getByRole('heading', { level: 1, name: 'New customer' })).toBeVisible();
  await again.reload();
  await expect(again.getByRole('heading', { level: 1, name: 'New customer' })).toBeVisible();
  await expect(again.getByLabel('Company name')).toHaveValue('');
  await expect(again.getByText(password)).toHaveCount(0);
  await again.close();

  // Done lists the customer under Customers filtered by Tailspin IT.
  await page.getByRole('link', { name: 'Done' }).click();
  await expect(page).toHaveURL(/\/customers\?reseller=/);
  await expect(page.getByLabel('Indirect reseller').locator('option:checked')).toHaveText('Tailspin IT (5200002)');
  const row = page.getByRole('row', { name: new RegExp(company) });
  await expect(row).toContainText(`${prefix}.onmicrosoft.example`);
  await expect(row).toContainText('Tailspin IT');
  await page.reload();
  await expect(page.getByText(password)).toHaveCount(0);
  await row.getByRole('link', { name: company }).click();
  await expect(page).toHaveURL(/\/customers\/[^/]+$/);
  const customerUrl = new URL(page.url()).pathname;
  await context.close();

  // F7: the customer's admin signs in with the temporary password and must change it.
  const customer = await browser.newContext();
  const admin = await customer.newPage();
  await admin.goto('/sign-in');
  await admin.getByLabel('Email').fill(`admin@${prefix}.onmicrosoft.example`);
  await admin.getByLabel('Password').fill(password);
  await admin.getByRole('button', { name: 'Sign in' }).click();
  await expect(admin).toHaveURL(/\/change-password$/);
  const next = 'Contoso-Passw0rd-2026';
  await admin.getByLabel('Current password').fill(password);
  await admin.getByLabel('New password', { exact: true }).fill(next);
  await admin.getByLabel('Confirm new password').fill(next);
  await admin.getByRole('button', { name: 'Change password' }).click();
  await expect(admin).toHaveURL(/\/$/);
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText(company);
  await expect(admin.getByRole('row', { name: /Microsoft 365 Business Basic/ })).toContainText('5');
  await customer.close();

  // R3: the managing reseller sees it; another reseller gets 404.
  const tailspin = await as(browser, 'admin@tailspin.example');
  await tailspin.page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await expect(tailspin.page.getByRole('link', { name: company })).toBeVisible();
  await tailspin.page.goto(customerUrl);
  await expect(tailspin.page.getByRole('heading', { level: 1 })).toHaveText(company);
  await expect(tailspin.page.getByRole('row', { name: /Microsoft 365 Business Basic/ })).toBeVisible();
  await tailspin.context.close();

  const fabrikam = await as(browser, 'admin@fabrikam.example');
  expect((await fabrikam.page.goto(customerUrl))?.status()).toBe(404);
  await fabrikam.context.close();
});

/** Vendor staff's home counts every customer and licence in the portal. */
async function portalCounts(browser: Browser) {
  const { page, context } = await as(browser, 'staff@vendor.example');
  const stat = (label: string) =>
    page
      .locator('main p', { hasText: new RegExp(`^${label}$`) })
      .locator('xpath=following-sibling::p[1]')
      .textContent();
  const counts = { customers: await stat('Customers'), licences: await stat('Licences') };
  await context.close();
  return counts;
}

test('F3: Cancel on the review page stores nothing', async ({ browser }) => {
  const prefix = unique('e2ecancel');
  const company = `Cancelled ${prefix}`;
  const before = await portalCounts(browser);
  expect(before.customers).toMatch(/^\d+$/);
  expect(before.licences).toMatch(/^\d+$/);
  const { page, context } = await as(browser, 'admin@northwind.example');
  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('link', { name: 'Add new customer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New customer' })).toBeVisible();
  await fillDetails(page, EN, company, prefix);
  await page.getByRole('button', { name: 'Next: Subscriptions' }).click();
  await chooseBasic(page, 'Microsoft 365 Business Basic', 'Licenses for Microsoft 365 Business Basic');
  await page.getByRole('button', { name: 'Next: Review' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page).toHaveURL(/\/customers$/);
  await page.getByLabel('Search').fill(prefix);
  await page.getByLabel('Search').press('Enter');
  await expect(page).toHaveURL(new RegExp(`q=${prefix}`));
  await expect(page.getByText(company)).toHaveCount(0);
  await context.close();
  expect(await portalCounts(browser)).toEqual(before);
});
