import { expect, test, type Browser } from '@playwright/test';
import { signIn, waitForMail } from '../helpers';

// F1 and F2 on the demo data: Northwind invites Adatum Reseller, which accepts.
// These change the demo data, so they run after the read-only specs (see
// playwright.config.ts, project "flows"). They start from Adatum Reseller not
// partnered with Northwind, which no other flow changes.

async function as(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return { page, context };
}

async function draftLink(browser: Browser) {
  const { page, context } = await as(browser, 'admin@northwind.example');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('navigation').getByRole('link', { name: 'Indirect resellers' }).click();
  await page.getByRole('button', { name: 'Request a partnership' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  const link = await dialog.getByLabel('Personalised link').inputValue();
  expect(link).toMatch(/\/partnership-invitations\/[A-Za-z0-9_-]{43}$/);
  return { page, context, dialog, link };
}

test('F1: the draft has a link, opens in email, copies to the clipboard, sends, and is listed as pending', async ({
  browser,
}) => {
  const { page, context, dialog, link } = await draftLink(browser);
  await expect(dialog.getByLabel('Message')).toHaveValue(new RegExp(link.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')));
  await expect(dialog.getByText('Keep the personalised link in the message')).toBeVisible();

  const mailto = await dialog.getByRole('link', { name: 'Open in email' }).getAttribute('href');
  expect(mailto).toMatch(/^mailto:/);
  expect(mailto).toContain(link);
  expect(decodeURIComponent(mailto!)).toContain(link);

  await dialog.getByRole('button', { name: 'Copy to clipboard' }).click();
  await expect(dialog.getByText('Copied to clipboard.')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(link);

  await dialog.getByLabel('Reseller email address (optional)').fill('someone@reseller.example');
  await dialog.getByRole('button', { name: 'Send' }).click();
  await expect(dialog.getByText('Sent to someone@reseller.example')).toBeVisible();
  const sent = await waitForMail('someone@reseller.example', 'Partnership request from Northwind Distribution');
  expect(sent.raw.replace(/=\r?\n/g, '')).toContain(new URL(link).pathname);

  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  const pending = page.getByRole('region', { name: 'Pending invitations' });
  await expect(pending.getByRole('row', { name: /someone@reseller\.example/ })).toBeVisible();
  await context.close();
});

test('F2: Adatum accepts; every other account gets its own message; the link cannot be reused', async ({ browser }) => {
  const { context, link } = await draftLink(browser);
  await context.close();
  const path = new URL(link).pathname;

  const anonymous = await browser.newPage();
  await anonymous.goto(path);
  await expect(anonymous.getByText('Sign in with your reseller account to accept this request.')).toBeVisible();
  await expect(anonymous.getByRole('link', { name: 'Enrol as an indirect reseller' }).last()).toBeVisible();

  for (const [email, message] of [
    ['admin@woodgrove.onmicrosoft.example', "You are signed in with a customer's account."],
    ['admin@northwind.example', "You are signed in with an indirect provider's account."],
  ] as const) {
    const other = await as(browser, email);
    await other.page.goto(path);
    await expect(other.page.getByText(message)).toBeVisible();
    await expect(other.page.getByRole('button', { name: 'Authorize indirect provider' })).toHaveCount(0);
    await other.context.close();
  }

  const adatum = await as(browser, 'admin@adatum.example');
  await adatum.page.goto(path);
  await expect(
    adatum.page.getByText('Northwind Distribution (MPN ID 4100001) asks to become your indirect provider.'),
  ).toBeVisible();
  await adatum.page.getByRole('button', { name: 'Authorize indirect provider' }).click();
  await expect(adatum.page.getByText('Tick the checkbox to agree')).toBeVisible();
  await adatum.page.getByRole('checkbox').check();
  await adatum.page.getByRole('button', { name: 'Authorize indirect provider' }).click();
  await expect(adatum.page.getByText('Northwind Distribution is now your indirect provider.')).toBeVisible();
  await adatum.page.getByRole('navigation').getByRole('link', { name: 'Indirect providers' }).click();
  await expect(adatum.page.getByRole('row', { name: /Northwind Distribution/ })).toContainText('Active');

  const tailspin = await as(browser, 'admin@tailspin.example');
  await tailspin.page.goto(path);
  await expect(tailspin.page.getByText('This partnership link was already used by another reseller.')).toBeVisible();
  await tailspin.context.close();

  const northwind = await as(browser, 'admin@northwind.example');
  await northwind.page.getByRole('navigation').getByRole('link', { name: 'Indirect resellers' }).click();
  await expect(northwind.page.getByRole('row', { name: /Adatum Reseller/ })).toContainText('5200003');
  await waitForMail('admin@northwind.example', 'Adatum Reseller accepted your partnership request');
  await northwind.context.close();
  await adatum.context.close();
});

test('a revoked link stops working', async ({ browser }) => {
  const { page, context, dialog, link } = await draftLink(browser);
  await dialog.getByRole('button', { name: 'Done' }).click();
  const row = page
    .getByRole('region', { name: 'Pending invitations' })
    .getByRole('row', { name: /Not sent from the portal/ })
    .first();
  await row.getByRole('button', { name: 'Revoke' }).click();
  await expect(page.getByText('The invitation was revoked')).toBeVisible();
  await context.close();
  const tailspin = await as(browser, 'admin@tailspin.example');
  await tailspin.page.goto(new URL(link).pathname);
  await expect(tailspin.page.getByText('The provider revoked this partnership link.')).toBeVisible();
  await tailspin.context.close();
});
