import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

// R8 on the fresh demo data (read-only: Verify writes nothing). Adatum
// Reseller (5200003) is enrolled but not partnered with Northwind until
// flows/10-partnership-request runs, so its refusal is checked here.
test('Verify on Woodgrove’s subscription: Tailspin is named; the provider’s own and an unpartnered MPN ID are refused with their reason', async ({
  page,
}) => {
  await signIn(page, 'admin@northwind.example');
  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('link', { name: 'Woodgrove Bank' }).click();
  await page.getByRole('link', { name: 'Microsoft 365 Business Basic' }).click();
  const mpn = page.getByLabel('Indirect reseller not in the list? Enter MPN ID');
  const form = page.getByRole('form', { name: 'Change subscription' });
  for (const [id, reason] of [
    ['5200003', 'The reseller with MPN ID 5200003 is not in an active partnership with Northwind Distribution.'],
    ['4100001', "4100001 is the provider's own MPN ID; only an indirect reseller can be credited."],
    ['52', 'An MPN ID has 6 or 7 digits.'],
  ] as const) {
    await mpn.fill(id);
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect(form.getByRole('alert')).toHaveText(reason);
  }
  await mpn.fill('5200002');
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(form.getByRole('status')).toHaveText(
    'Tailspin IT (MPN ID 5200002) will be credited when you select Submit.',
  );
});
