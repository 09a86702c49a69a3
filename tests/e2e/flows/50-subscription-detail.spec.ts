import { expect, test, type Browser, type Page } from '@playwright/test';
import { signIn } from '../helpers';

// F5 on the demo data: Woodgrove Bank's Business Basic subscription, changed
// by Northwind (provider) and Fabrikam (managing reseller). Runs after
// 10-partnership-request (Adatum is then partnered with Northwind, so its
// "not partnered" refusal is asserted on the fresh demo by the read-only
// ../subscription-verify.spec.ts) and before 90-remove-partnership.
// One test leads to the next (serial); the server's clock is moved forward
// 169 hours near the end and put back afterwards, for the specs that follow.

test.describe.configure({ mode: 'serial' });

const CONFLICT = 'This was changed by someone else. Reload the page and try again.';
const HOUR = 60 * 60 * 1000;
let subscriptionUrl = '';

async function as(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

const fact = (page: Page, term: string) => page.locator(`dt:text-is("${term}") + dd`);
const form = (page: Page) => page.getByRole('form', { name: 'Change subscription' });

async function submit(page: Page) {
  await form(page).getByRole('button', { name: 'Submit' }).click();
}

async function moveClock(browser: Browser, body: object) {
  const context = await browser.newContext();
  const response = await context.request.post('/api/test/clock', { data: body });
  expect(response.status()).toBe(200);
  await context.close();
}

test.afterAll(async ({ browser }) => {
  await moveClock(browser, { reset: true });
});

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

test('R7: add and reduce licences within the window; whole numbers in range; upgrade Basic → Standard, never back', async ({
  browser,
}) => {
  const page = await as(browser, 'admin@northwind.example');
  await page.goto(subscriptionUrl);
  const licences = page.getByLabel('Licences', { exact: true });
  await expect(page.getByText(/Licences can be reduced and the subscription cancelled until/)).toBeVisible();
  await licences.fill('14');
  await submit(page);
  await expect(fact(page, 'Licences')).toHaveText('14');
  await licences.fill('12');
  await submit(page);
  await expect(fact(page, 'Licences')).toHaveText('12');
  await licences.fill('0');
  await submit(page);
  await expect(form(page).getByText('Licences must be a whole number from 1 to 300.')).toBeVisible();
  await licences.fill('12');

  const upgrade = page.getByLabel('Upgrade to');
  await expect(upgrade.locator('option')).toHaveText([
    'Keep Microsoft 365 Business Basic',
    'Microsoft 365 Business Premium',
    'Microsoft 365 Business Standard',
    'Microsoft 365 E3',
  ]);
  await upgrade.selectOption({ label: 'Microsoft 365 Business Standard' });
  await submit(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Microsoft 365 Business Standard');
  await expect(fact(page, 'Licences')).toHaveText('12');
  await expect(page.getByLabel('Upgrade to').locator('option')).toHaveText([
    'Keep Microsoft 365 Business Standard',
    'Microsoft 365 Business Premium',
    'Microsoft 365 E3',
  ]);
  await expect(
    page
      .getByRole('region', { name: 'History' })
      .getByRole('row', { name: /Microsoft 365 Business Basic → Microsoft 365 Business Standard/ }),
  ).toContainText('Upgraded');
  await page.context().close();
});

test('R7: Suspend, then a licence change is refused; Reactivate restores it', async ({ browser }) => {
  const page = await as(browser, 'admin@northwind.example');
  await page.goto(subscriptionUrl);
  await page.getByRole('button', { name: 'Suspend' }).click();
  await expect(fact(page, 'Status')).toHaveText('Suspended');
  await expect(fact(page, 'Auto-renew')).toHaveText('Off');
  await expect(page.getByText(/This subscription is suspended: billing continues and auto-renew is off/)).toBeVisible();
  await page.getByLabel('Licences', { exact: true }).fill('13');
  await submit(page);
  await expect(
    page.getByRole('alert').filter({ hasText: 'A suspended subscription cannot be changed. Reactivate it first.' }),
  ).toBeVisible();
  await expect(fact(page, 'Licences')).toHaveText('12');
  await page.getByRole('button', { name: 'Reactivate' }).click();
  await expect(fact(page, 'Status')).toHaveText('Active');
  await expect(fact(page, 'Auto-renew')).toHaveText('On');
  await page.getByLabel('Licences', { exact: true }).fill('13');
  await submit(page);
  await expect(fact(page, 'Licences')).toHaveText('13');
  await page.context().close();
});

test('R7: cancel asks for confirmation and is final', async ({ browser }) => {
  const page = await as(browser, 'admin@northwind.example');
  // A subscription of its own to cancel, bought now.
  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('button', { name: 'Expand Woodgrove Bank' }).click();
  const add = page.getByRole('form', { name: 'Add subscription' });
  await add.getByRole('checkbox', { name: 'Microsoft 365 E3' }).check();
  await add.getByLabel('Licenses for Microsoft 365 E3').fill('2');
  await add.getByRole('button', { name: 'Submit' }).click();
  await expect(add.getByRole('status')).toHaveText('1 subscription added.');
  await page.getByRole('link', { name: 'Woodgrove Bank' }).click();
  await page.getByRole('link', { name: 'Microsoft 365 E3' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Microsoft 365 E3');
  const e3Url = new URL(page.url()).pathname;

  await page.getByRole('link', { name: 'Cancel subscription' }).click();
  await expect(page.getByRole('heading', { name: 'Cancel Microsoft 365 E3 for Woodgrove Bank?' })).toBeVisible();
  await expect(page.getByText(/Cancelling is immediate and cannot be undone/)).toBeVisible();
  await page.getByRole('link', { name: 'Keep subscription' }).click();
  await expect(fact(page, 'Status')).toHaveText('Active');
  await page.getByRole('link', { name: 'Cancel subscription' }).click();
  await page.getByRole('button', { name: 'Cancel subscription' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The subscription was cancelled.' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`${e3Url}\\?cancelled=1$`));
  await expect(fact(page, 'Status')).toHaveText('Cancelled');
  await expect(page.getByText(/Cancellation is final/)).toBeVisible();
  for (const name of ['Submit', 'Suspend', 'Reactivate'])
    await expect(page.getByRole('button', { name })).toHaveCount(0);
  await page.goto(`${e3Url}/cancel`);
  await expect(
    page.getByRole('alert').filter({ hasText: 'A cancelled subscription cannot be changed.' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel subscription' })).toHaveCount(0);
  await page.context().close();
});

test('R7: 169 hours after purchase, reducing is refused with the 7-day rule and cancel is not offered; adding still works', async ({
  browser,
}) => {
  await moveClock(browser, { advanceMs: 169 * HOUR });
  const page = await as(browser, 'admin@northwind.example');
  await page.goto(subscriptionUrl);
  await expect(
    page.getByText(/Licences can only be reduced within 7 days of purchase or renewal; that ended on/),
  ).toBeVisible();
  await expect(
    page.getByText(/A subscription can only be cancelled within 7 days of purchase or renewal; that ended on/),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Cancel subscription' })).toHaveCount(0);
  await page.getByLabel('Licences', { exact: true }).fill('11');
  await submit(page);
  await expect(
    page.getByRole('alert').filter({ hasText: 'Licences can only be reduced within 7 days of purchase or renewal.' }),
  ).toBeVisible();
  await expect(fact(page, 'Licences')).toHaveText('13');
  await page.getByLabel('Licences', { exact: true }).fill('14');
  await submit(page);
  await expect(fact(page, 'Licences')).toHaveText('14');
  await page.context().close();
});
