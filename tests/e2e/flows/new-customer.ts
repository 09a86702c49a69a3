import { expect, test, type Browser, type Page } from '@playwright/test';
import { PASSWORD, signIn } from '../helpers';

// What the new customer flows (20-new-customer, 25-new-customer-ja) share.

/** A domain prefix (and name) no other run has used. */
export const unique = (stem: string) =>
  `${stem}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`.slice(0, 27);

export async function as(browser: Browser, email: string, password?: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  return { page, context };
}

export type Labels = Record<
  | 'companyName'
  | 'domain'
  | 'address1'
  | 'city'
  | 'region'
  | 'postalCode'
  | 'country'
  | 'firstName'
  | 'lastName'
  | 'email'
  | 'phone',
  string
>;
export const EN: Labels = {
  companyName: 'Company name',
  domain: 'Domain',
  address1: 'Address line 1',
  city: 'City',
  region: 'State or region',
  postalCode: 'Postal code',
  country: 'Country',
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  phone: 'Phone',
};
export const JA: Labels = {
  companyName: '会社名',
  domain: 'ドメイン',
  address1: '住所 1',
  city: '市区町村',
  region: '都道府県または地域',
  postalCode: '郵便番号',
  country: '国',
  firstName: '名',
  lastName: '姓',
  email: 'メール',
  phone: '電話番号',
};

export async function fillDetails(page: Page, l: Labels, company: string, prefix: string) {
  await page.getByLabel(l.companyName, { exact: true }).fill(company);
  await page.getByLabel(l.domain, { exact: true }).fill(prefix);
  await page.getByLabel(l.address1, { exact: true }).fill('1 Main Street');
  await page.getByLabel(l.city, { exact: true }).fill('Seattle');
  await page.getByLabel(l.region, { exact: true }).fill('WA');
  await page.getByLabel(l.postalCode, { exact: true }).fill('98101');
  await page.getByLabel(l.country, { exact: true }).selectOption('US');
  await page.getByLabel(l.firstName, { exact: true }).fill('Casey');
  await page.getByLabel(l.lastName, { exact: true }).fill('Jones');
  await page.getByLabel(l.email, { exact: true }).fill(`casey@${prefix}.example`);
  await page.getByLabel(l.phone, { exact: true }).fill('+1 425 555 0100');
}

export async function openFromTailspinRow(page: Page) {
  await page.getByRole('navigation').getByRole('link', { name: 'Indirect resellers' }).click();
  await page
    .getByRole('row', { name: /Tailspin IT/ })
    .getByRole('link', { name: 'Add new customer' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'New customer' })).toBeVisible();
  await expect(page.getByLabel('Indirect reseller').locator('option:checked')).toHaveText(/Tailspin IT/);
}

export async function chooseBasic(page: Page, checkbox: string, licences: string) {
  await page.getByRole('checkbox', { name: checkbox, exact: true }).check();
  await page.getByLabel(licences, { exact: true }).fill('5');
}

/** A browser context in Japanese (the language cookie), not signed in. */
export async function japanese(browser: Browser) {
  const context = await browser.newContext();
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'ja', url: test.info().project.use.baseURL! }]);
  return { context, page: await context.newPage() };
}

/** Signs in through the Japanese form. */
export async function signInJa(page: Page, email: string) {
  await page.goto('/sign-in');
  await page.getByLabel('メール アドレス').fill(email);
  await page.getByLabel('パスワード').fill(PASSWORD);
  await page.getByRole('button', { name: 'サインイン' }).click();
  await expect(page.getByRole('button', { name: 'サインアウト' })).toBeVisible();
}
