import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

// A slow connection: the New customer page is shown before its scripts have
// run. What the user types meanwhile is kept once they run
// (components/ui/adopt-typed-values.ts), instead of being sent as empty.
test('New customer keeps what was typed before the page’s scripts ran', async ({ page }) => {
  await signIn(page, 'admin@northwind.example');
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_next/static/chunks/**', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/customers/new', { waitUntil: 'commit' });
  await page.getByLabel('Company name', { exact: true }).fill('Typed Early Ltd');
  await page.getByLabel('Country', { exact: true }).selectOption('US');
  release();
  // The scripts have taken over the form once React's props are on its inputs.
  await page.waitForFunction(() => {
    const input = document.getElementById('domainPrefix');
    return !!input && Object.keys(input).some((key) => key.startsWith('__reactProps'));
  });
  const prefix = `early${Date.now().toString(36)}`;
  await page.getByLabel('Domain', { exact: true }).fill(prefix);
  await page.getByLabel('Address line 1', { exact: true }).fill('1 Main Street');
  await page.getByLabel('City', { exact: true }).fill('Seattle');
  await page.getByLabel('State or region', { exact: true }).fill('WA');
  await page.getByLabel('Postal code', { exact: true }).fill('98101');
  await page.getByLabel('First name', { exact: true }).fill('Casey');
  await page.getByLabel('Last name', { exact: true }).fill('Jones');
  await page.getByLabel('Email', { exact: true }).fill(`casey@${prefix}.example`);
  await page.getByRole('button', { name: 'Next: Subscriptions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New subscription' })).toBeVisible();
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByLabel('Company name', { exact: true })).toHaveValue('Typed Early Ltd');
  await expect(page.getByLabel('Country', { exact: true })).toHaveValue('US');
});
