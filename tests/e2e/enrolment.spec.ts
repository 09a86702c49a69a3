import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';

const ENROL = 'Enrol as an indirect reseller';
const PASSWORD = 'Reseller-Passw0rd-1';

/** A unique reseller per run: a random 7-digit MPN ID (away from the demo ones) and email. */
function newReseller() {
  const mpnId = String(6_000_000 + Math.floor(Math.random() * 3_999_999));
  return { mpnId, company: `Contoso E2E ${mpnId}`, email: `admin-${mpnId}-${Date.now()}@contoso-e2e.example` };
}

async function fillEnrolment(page: Page, r: { mpnId: string; company: string; email: string }) {
  await page.getByLabel('Company name').fill(r.company);
  await page.getByLabel('MPN ID').fill(r.mpnId);
  await page.getByLabel('Country or region').selectOption({ label: 'Japan' });
  await page.getByLabel('Your name').fill('Kei Admin');
  await page.getByLabel('Email').fill(r.email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Confirm password').fill(PASSWORD);
}

test.describe('reseller enrolment', () => {
  test('a visitor enrols a reseller, sees it pending after sign-in, and vendor staff approve it', async ({
    browser,
  }) => {
    const r = newReseller();
    const visitor = await browser.newPage();
    await visitor.goto('/find-a-provider');
    await visitor.getByRole('link', { name: ENROL }).click();
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(ENROL);
    await fillEnrolment(visitor, r);
    await visitor.getByRole('button', { name: ENROL }).click();

    const confirmation = visitor.getByRole('status');
    await expect(confirmation).toContainText('Enrolment received');
    await expect(confirmation).toContainText(`${r.company} is enrolled and its enrolment is pending`);
    await confirmation.getByRole('link', { name: 'Sign in' }).click();
    await expect(visitor).toHaveURL(/\/sign-in/);
    await signIn(visitor, r.email.toUpperCase(), PASSWORD);
    await expect(visitor.getByTestId('org-name')).toHaveText(r.company);
    await expect(visitor.getByText('Your enrolment is pending.')).toBeVisible();

    const staff = await browser.newPage();
    await signIn(staff, 'staff@vendor.example');
    await staff.getByRole('navigation').getByRole('link', { name: 'Partners' }).click();
    const row = staff.getByRole('row', { name: new RegExp(r.company) });
    await expect(row).toContainText('Pending');
    await expect(row).toContainText(r.mpnId);
    await row.getByRole('button', { name: `Approve ${r.company}` }).click();
    await expect(row.getByRole('status')).toHaveText(`${r.company} is approved.`);
    await expect(row).toContainText('Active');
    await expect(row.getByRole('button', { name: `Approve ${r.company}` })).toHaveCount(0);

    await visitor.reload();
    await expect(visitor.getByText('Your enrolment is pending.')).toHaveCount(0);
    await expect(visitor.getByRole('navigation').getByRole('link', { name: 'Indirect providers' })).toBeVisible();
  });

  test('vendor staff suspend a reseller they enrolled; its admin still signs in and sees it is suspended', async ({
    browser,
  }) => {
    const r = newReseller();
    const visitor = await browser.newPage();
    await visitor.goto('/enrol');
    await fillEnrolment(visitor, r);
    await visitor.getByRole('button', { name: ENROL }).click();
    await expect(visitor.getByRole('status')).toContainText('Enrolment received');

    const staff = await browser.newPage();
    await signIn(staff, 'staff@vendor.example');
    await staff.goto('/partners');
    const row = staff.getByRole('row', { name: new RegExp(r.company) });
    await row.getByRole('button', { name: `Suspend ${r.company}` }).click();
    await expect(row.getByRole('status')).toHaveText(`${r.company} is suspended.`);
    await expect(row).toContainText('Suspended');

    await signIn(visitor, r.email, PASSWORD);
    await expect(visitor.getByText('Your organisation is suspended.')).toBeVisible();
  });

  test('a taken MPN ID or email is refused with a field error, keeping what was typed', async ({ page }) => {
    const r = newReseller();
    await page.goto('/enrol');
    await fillEnrolment(page, { ...r, mpnId: '5200001', email: 'admin@fabrikam.example' });
    await page.getByRole('button', { name: ENROL }).click();
    await expect(page.getByText('A partner with this MPN ID is already enrolled.')).toBeVisible();
    await expect(page.getByText('An account with this email already exists. Sign in instead.')).toBeVisible();
    await expect(page.getByLabel('MPN ID')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Company name')).toHaveValue(r.company);
    await expect(page.getByLabel('Country or region')).toHaveValue('JP');
    await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');

    await page.getByLabel('MPN ID').fill('12345');
    await page.getByRole('button', { name: ENROL }).click();
    await expect(page.getByText('The MPN ID must be 6 or 7 digits.')).toBeVisible();
  });
});
