import { expect, test } from '@playwright/test';
import { as, fact, form, submit } from './subscription';

// F5 on the demo data: Woodgrove Bank's Business Basic subscription (10
// licences, Fabrikam as reseller, Northwind as support contact), changed by
// Northwind (provider) and Fabrikam (managing reseller). No other flow
// changes it (tests/e2e/fixtures/flows.ts). Adatum's "not partnered" refusal
// is asserted on the fresh demo by the read-only ../subscription-verify.spec.ts.
// One test leads to the next (serial).

test.describe.configure({ mode: 'serial' });

const CONFLICT = 'This was changed by someone else. Reload the page and try again.';
let subscriptionUrl = '';

test('the offer name opens the subscription detail page with its facts and history', async ({ browser }) => {
  const page = await as(browser, 'admin@northwind.example');
  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('link', { name: 'Woodgrove Bank' }).click();
  await page.getByRole('link', { name: 'Microsoft 365 Business Basic' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Microsoft 365 Business Basic');
  subscriptionUrl = new URL(page.url()).pathname;
  expect(subscriptionUrl).toMatch(/^\/subscriptions\/[^/]+$/);
  await expect(fact(page, 'Licences')).toHaveText('10');
  await expect(fact(page, 'Status')).toHaveText('Active');
  await expect(fact(page, 'Reseller (MPN ID)')).toHaveText('Fabrikam Solutions (5200001)');
  await expect(fact(page, 'Designated support contact')).toContainText('Northwind Distribution');
  await expect(fact(page, 'Indirect provider')).toHaveText('Northwind Distribution (4100001)');
  await expect(page.getByRole('region', { name: 'History' })).toBeVisible();
  await page.context().close();
});

test('R8: Reseller (MPN ID) by MPN ID and Verify, then from the list; refusals say why', async ({ browser }) => {
  const page = await as(browser, 'admin@northwind.example');
  await page.goto(subscriptionUrl);
  const mpn = page.getByLabel('Indirect reseller not in the list? Enter MPN ID');
  const verify = page.getByRole('button', { name: 'Verify' });
  await mpn.fill('4100001');
  await verify.click();
  await expect(form(page).getByRole('alert')).toHaveText(
    "4100001 is the provider's own MPN ID; only an indirect reseller can be credited.",
  );
  await mpn.fill('9999999');
  await verify.click();
  await expect(form(page).getByRole('alert')).toHaveText('No partner has the MPN ID 9999999.');
  await mpn.fill('5200002');
  await verify.click();
  await expect(form(page).getByRole('status')).toHaveText(
    'Tailspin IT (MPN ID 5200002) will be credited when you select Submit.',
  );
  await submit(page);
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect(fact(page, 'Reseller (MPN ID)')).toHaveText('Tailspin IT (5200002)');
  await expect(page.getByLabel('Reseller (MPN ID)')).toHaveValue(/.+/);
  await expect(page.getByLabel('Reseller (MPN ID)').locator('option:checked')).toHaveText('Tailspin IT (5200002)');

  // The provider's own MPN ID is refused on Submit too, and nothing changes.
  await mpn.fill('4100001');
  await submit(page);
  await expect(
    page.getByRole('alert').filter({ hasText: "4100001 is the provider's own MPN ID" }).first(),
  ).toBeVisible();
  await mpn.fill('');

  await page.getByLabel('Reseller (MPN ID)').selectOption({ label: 'Fabrikam Solutions (5200001)' });
  await submit(page);
  await expect(fact(page, 'Reseller (MPN ID)')).toHaveText('Fabrikam Solutions (5200001)');
  const periods = page.getByRole('region', { name: 'Incentive association periods' });
  await expect(periods.getByRole('row')).toHaveCount(4);
  await expect(periods.getByRole('row').nth(1)).toContainText('Ongoing');
  await expect(periods.getByRole('row').nth(2)).toContainText('Tailspin IT (5200002)');
  const history = page.getByRole('region', { name: 'History' });
  await expect(
    history.getByRole('row', { name: /Tailspin IT \(5200002\) → Fabrikam Solutions \(5200001\)/ }),
  ).toContainText('Northwind Distribution');
  await expect(
    history.getByRole('row', { name: /Fabrikam Solutions \(5200001\) → Tailspin IT \(5200002\)/ }),
  ).toContainText('Reseller (MPN ID) changed');
  await page.context().close();
});

test('R9: Designated support contact Fabrikam shows on Woodgrove’s overview at once; Woodgrove reads, Tailspin gets 404', async ({
  browser,
}) => {
  const page = await as(browser, 'admin@northwind.example');
  await page.goto(subscriptionUrl);
  const options = page.getByLabel('Designated support contact').locator('option');
  await expect(options).toHaveText(['Northwind Distribution (4100001)', 'Fabrikam Solutions (5200001)']);
  await page.getByLabel('Designated support contact').selectOption({ label: 'Fabrikam Solutions (5200001)' });
  await submit(page);
  await expect(fact(page, 'Designated support contact')).toContainText('Fabrikam Solutions');

  const woodgrove = await as(browser, 'admin@woodgrove.onmicrosoft.example');
  const row = woodgrove.getByRole('row', { name: /Microsoft 365 Business Basic/ });
  await expect(row).toContainText('Fabrikam Solutions');
  await row.getByRole('link', { name: 'Microsoft 365 Business Basic' }).click();
  await expect(fact(woodgrove, 'Designated support contact')).toContainText('Fabrikam Solutions');
  await expect(woodgrove.getByText('You can view this subscription but not change it.')).toBeVisible();
  await expect(woodgrove.getByRole('button', { name: 'Submit' })).toHaveCount(0);
  await expect(woodgrove.getByRole('button', { name: 'Suspend' })).toHaveCount(0);

  const tailspin = await as(browser, 'admin@tailspin.example');
  expect((await tailspin.goto(subscriptionUrl))?.status()).toBe(404);
  for (const p of [page, woodgrove, tailspin]) await p.context().close();
});

test('R14: two sessions edit the same subscription; the second Submit gets the conflict and the first change stands', async ({
  browser,
}) => {
  const first = await as(browser, 'admin@northwind.example');
  const second = await as(browser, 'admin@fabrikam.example');
  await first.goto(subscriptionUrl);
  await second.goto(subscriptionUrl);
  await first.getByLabel('Licences', { exact: true }).fill('11');
  await second.getByLabel('Licences', { exact: true }).fill('15');
  await submit(first);
  await expect(fact(first, 'Licences')).toHaveText('11');
  await submit(second);
  await expect(second.getByRole('alert').filter({ hasText: CONFLICT })).toBeVisible();
  await expect(fact(second, 'Licences')).toHaveText('10');
  await second.reload();
  await expect(fact(second, 'Licences')).toHaveText('11');
  await first.context().close();
  await second.context().close();
});
