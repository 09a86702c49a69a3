import { expect, test } from '@playwright/test';
import { LICENCE_CHANGES } from '../fixtures';
import { as, fact, form, moveClock, submit } from './subscription';

// R7 on the flow's own customer (tests/e2e/fixtures/flows.ts, LICENCE_CHANGES):
// a Business Basic subscription of 10 licences bought when the server
// started, whose licences, offer and status Northwind changes. One test leads
// to the next (serial); the server's clock is moved forward 169 hours at the
// end and put back afterwards, for the specs that follow.

test.describe.configure({ mode: 'serial' });

const HOUR = 60 * 60 * 1000;
const CUSTOMER = LICENCE_CHANGES.company;
let subscriptionUrl = '';

test.beforeAll(async ({ browser }) => {
  const page = await as(browser, 'admin@northwind.example');
  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('link', { name: CUSTOMER }).click();
  await page.getByRole('link', { name: 'Microsoft 365 Business Basic' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Microsoft 365 Business Basic');
  subscriptionUrl = new URL(page.url()).pathname;
  await page.context().close();
});

test.afterAll(async ({ browser }) => {
  await moveClock(browser, { reset: true });
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
  await page.getByRole('button', { name: `Expand ${CUSTOMER}` }).click();
  const add = page.getByRole('form', { name: 'Add subscription' });
  await add.getByRole('checkbox', { name: 'Microsoft 365 E3' }).check();
  await add.getByLabel('Licenses for Microsoft 365 E3').fill('2');
  await add.getByRole('button', { name: 'Submit' }).click();
  await expect(add.getByRole('status')).toHaveText('1 subscription added.');
  await page.getByRole('link', { name: CUSTOMER }).click();
  await page.getByRole('link', { name: 'Microsoft 365 E3' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Microsoft 365 E3');
  const e3Url = new URL(page.url()).pathname;

  await page.getByRole('link', { name: 'Cancel subscription' }).click();
  await expect(page.getByRole('heading', { name: `Cancel Microsoft 365 E3 for ${CUSTOMER}?` })).toBeVisible();
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
