import { expect, test, type Browser } from '@playwright/test';
import { signIn, waitForMail } from '../helpers';
import { LITWARE } from '../fixtures';

// F6 / R12 and R11 on Litware Inc (an e2e-only customer of Northwind with an
// Azure plan, managed by nobody): Northwind asks for Tailspin IT, Litware's
// admin accepts, Northwind gives tenant owner, Litware's admin removes it and
// then the delegated admin; Fabrikam's own request is declined. Litware is the
// flow's own (tests/e2e/fixtures/flows.ts): no other flow changes it.
test.describe.configure({ mode: 'serial' });

async function as(browser: Browser, email: string, locale?: 'ja') {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  // The language switch's cookie, set after signing in with the English form.
  if (locale) await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: new URL(page.url()).origin }]);
  return { page, context };
}

async function openLitware(browser: Browser, email: string) {
  const session = await as(browser, email);
  await session.page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await session.page.getByRole('link', { name: LITWARE.company }).click();
  await expect(session.page.getByRole('heading', { level: 1 })).toHaveText(LITWARE.company);
  return session;
}

let link = '';
let litwareUrl = '';

test('F6: Northwind requests a reseller relationship for Tailspin IT: link, Open in email, Copy to clipboard, Send, Done', async ({
  browser,
}) => {
  const { page, context } = await openLitware(browser, 'admin@northwind.example');
  litwareUrl = page.url();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByLabel('Indirect reseller').selectOption({ label: 'Tailspin IT (5200002)' });
  await expect(page.getByLabel('Include delegated administration privileges')).toBeChecked();
  await page.getByRole('button', { name: 'Request a reseller relationship' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  link = await dialog.getByLabel('Personalised link').inputValue();
  expect(link).toMatch(/\/relationship-requests\/[A-Za-z0-9_-]{43}$/);
  await expect(dialog.getByLabel('Message')).toHaveValue(/with delegated administration privileges/);

  const mailto = await dialog.getByRole('link', { name: 'Open in email' }).getAttribute('href');
  expect(mailto).toMatch(new RegExp(`^mailto:${LITWARE.admin}\\?subject=`));
  expect(decodeURIComponent(mailto!)).toContain(link);

  await dialog.getByRole('button', { name: 'Copy to clipboard' }).click();
  await expect(dialog.getByText('Copied to clipboard.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(link);

  await expect(dialog.getByLabel("Customer administrator's email")).toHaveValue(LITWARE.admin);
  await dialog.getByRole('button', { name: 'Send' }).click();
  await expect(dialog.getByText(`Sent to ${LITWARE.admin}.`)).toBeVisible();
  const mail = await waitForMail(LITWARE.admin, 'Tailspin IT requests a reseller relationship with Litware Inc');
  expect(mail.raw.replace(/=\r?\n/g, '')).toContain(new URL(link).pathname);

  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByRole('row', { name: /Tailspin IT \(5200002\).*delegated admin.*admin@litware/ }),
  ).toBeVisible();
  await context.close();
});

test("F6: only Litware's admin may answer: another customer's admin, a partner and a visitor are refused", async ({
  browser,
}) => {
  const path = new URL(link).pathname;
  for (const [email, message] of [
    [
      'admin@woodgrove.onmicrosoft.example',
      "This request is for another customer. Only that customer's administrator can answer it.",
    ],
    ['admin@fabrikam.example', 'Only an administrator of the customer can answer this request.'],
  ] as const) {
    const other = await as(browser, email);
    await other.page.goto(path);
    await expect(other.page.getByText(message)).toBeVisible();
    await expect(other.page.getByRole('button', { name: 'Accept' })).toHaveCount(0);
    await expect(other.page.getByText(LITWARE.company)).toHaveCount(0);
    await other.context.close();
  }

  // A visitor signs in from the link page and comes back to it.
  const visitor = await browser.newPage();
  await visitor.goto(path);
  await expect(visitor.getByText('Sign in as an administrator of the customer to answer this request.')).toBeVisible();
  await visitor.getByRole('link', { name: 'Sign in' }).last().click();
  await visitor.getByLabel('Email').fill(LITWARE.admin);
  await visitor.getByLabel('Password').fill(process.env.DEMO_PASSWORD || 'Demo-Passw0rd!');
  await visitor.getByRole('button', { name: 'Sign in' }).click();
  await expect(visitor).toHaveURL(new RegExp(`${path}$`));
  await expect(
    visitor.getByText(
      'Northwind Distribution asks you to accept Tailspin IT (MPN ID 5200002) as your managing reseller.',
    ),
  ).toBeVisible();
  await expect(visitor.getByText('Tailspin IT gets delegated administration privileges')).toBeVisible();
  await visitor.getByRole('button', { name: 'Accept' }).click();
  await expect(visitor.getByText('Tailspin IT is now your managing reseller.')).toBeVisible();

  // The same link again: already accepted for Litware, already used for anyone else.
  await visitor.goto(path);
  await expect(visitor.getByText('You already accepted this request.')).toBeVisible();
  await expect(visitor.getByRole('button', { name: 'Accept' })).toHaveCount(0);
  const woodgrove = await as(browser, 'admin@woodgrove.onmicrosoft.example');
  await woodgrove.page.goto(path);
  await expect(woodgrove.page.getByText('This request has already been answered.')).toBeVisible();
  await woodgrove.context.close();

  await visitor.getByRole('navigation').getByRole('link', { name: 'Partner relationships' }).click();
  const reseller = visitor.getByRole('listitem').filter({ hasText: 'Managing reseller' });
  await expect(reseller).toContainText('Tailspin IT (5200002)');
  await expect(reseller.getByRole('list', { name: 'Access' })).toHaveText('delegated admin');
  await visitor.close();

  const tailspin = await openLitware(browser, 'admin@tailspin.example');
  await tailspin.context.close();
});

test('R11: Northwind gives Tailspin IT tenant owner; all three parties see it; the customer admin removes it', async ({
  browser,
}) => {
  const northwind = await as(browser, 'admin@northwind.example');
  await northwind.page.goto(litwareUrl);
  await northwind.page.getByRole('button', { name: 'Give owner permissions' }).click();
  await expect(northwind.page.getByText('Owner permissions given.')).toBeVisible();
  await northwind.page.reload();
  const account = northwind.page.getByRole('region', { name: 'Account info' });
  await expect(account.getByText('tenant owner', { exact: true })).toBeVisible();
  await expect(account.getByRole('definition').filter({ hasText: /^Tailspin IT$/ })).toBeVisible();
  await northwind.context.close();

  const tailspin = await openLitware(browser, 'admin@tailspin.example');
  await expect(tailspin.page.getByRole('definition').filter({ hasText: /^Tailspin IT$/ })).toBeVisible();
  await tailspin.context.close();

  const japanese = await as(browser, 'admin@northwind.example', 'ja');
  await japanese.page.goto(litwareUrl);
  await expect(japanese.page.getByText('テナント所有者', { exact: true })).toBeVisible();
  await expect(japanese.page.getByRole('button', { name: 'リセラー関係を要求する' })).toBeVisible();
  await japanese.context.close();

  const litware = await as(browser, LITWARE.admin);
  await litware.page.getByRole('navigation').getByRole('link', { name: 'Partner relationships' }).click();
  const access = litware.page.getByRole('list', { name: 'Access' });
  await expect(access).toContainText('tenant owner');
  await litware.page.getByRole('button', { name: 'Remove owner permissions' }).click();
  await expect(litware.page.getByText('Owner permissions removed.')).toBeVisible();
  await expect(access).toHaveText('delegated admin');
  await litware.context.close();
});

test("R12: Litware's admin removes the delegated admin; Tailspin IT's next request for Litware answers 404", async ({
  browser,
}) => {
  const tailspin = await openLitware(browser, 'admin@tailspin.example');
  const tailspinUrl = tailspin.page.url();

  const litware = await as(browser, LITWARE.admin);
  await litware.page.getByRole('navigation').getByRole('link', { name: 'Partner relationships' }).click();
  await litware.page.getByRole('link', { name: 'Remove delegated admin' }).click();
  await expect(litware.page.getByRole('heading', { name: 'Remove delegated admin from Tailspin IT?' })).toBeVisible();
  await expect(litware.page.getByText('Support contacts it held revert to Northwind Distribution.')).toBeVisible();
  await litware.page.getByRole('button', { name: 'Remove delegated admin' }).click();
  await expect(litware.page.getByText("The reseller's delegated admin was removed")).toBeVisible();
  await expect(litware.page.getByText('No reseller manages your account.')).toBeVisible();
  await litware.context.close();

  expect((await tailspin.page.goto(tailspinUrl))?.status()).toBe(404);
  await tailspin.page.goto('/customers');
  await expect(tailspin.page.getByText(LITWARE.company)).toHaveCount(0);
  await tailspin.context.close();
});

test("F6 from the reseller: Fabrikam names Northwind and Litware's tenant domain; Litware's admin declines", async ({
  browser,
}) => {
  const fabrikam = await as(browser, 'admin@fabrikam.example');
  await fabrikam.page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await fabrikam.page.getByRole('link', { name: 'Request a reseller relationship' }).click();
  await expect(fabrikam.page.getByLabel('Indirect provider')).toHaveValue(/.+/);
  await fabrikam.page.getByLabel('Customer tenant domain').fill('nobody.onmicrosoft.example');
  await fabrikam.page.getByRole('button', { name: 'Request a reseller relationship' }).click();
  await expect(
    fabrikam.page.getByText('This indirect provider has no customer with that tenant domain.'),
  ).toBeVisible();
  await fabrikam.page.getByLabel('Customer tenant domain').fill(`${LITWARE.prefix}.onmicrosoft.example`);
  await fabrikam.page.getByRole('button', { name: 'Request a reseller relationship' }).click();
  const dialog = fabrikam.page.getByRole('dialog');
  const path = new URL(await dialog.getByLabel('Personalised link').inputValue()).pathname;
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(
    fabrikam.page.getByRole('row', { name: /litware\.onmicrosoft\.example.*Northwind Distribution.*delegated admin/ }),
  ).toBeVisible();
  await fabrikam.context.close();

  const litware = await as(browser, LITWARE.admin);
  await litware.page.getByRole('navigation').getByRole('link', { name: 'Partner relationships' }).click();
  await expect(
    litware.page.getByText(/Northwind Distribution asks to make Fabrikam Solutions \(5200001\) your managing reseller/),
  ).toBeVisible();
  await litware.page.goto(path);
  await expect(
    litware.page.getByText(
      'Northwind Distribution asks you to accept Fabrikam Solutions (MPN ID 5200001) as your managing reseller.',
    ),
  ).toBeVisible();
  await litware.page.getByRole('button', { name: 'Decline' }).click();
  await expect(litware.page.getByText('You declined the request. Nothing changed.')).toBeVisible();
  await litware.page.goto(path);
  await expect(litware.page.getByText('This request has already been answered.')).toBeVisible();
  await litware.context.close();
});
