import { expect, test } from '@playwright/test';
import { as, form, submit } from './subscription';

// A customer tenant's administration on the demo data: Woodgrove Bank's admin
// adds a user (a temporary password shown once, changed at first sign-in) and
// gives them a Business Basic licence on Licenses; the provider then cannot
// reduce that subscription below its assigned licences, and the message names
// both numbers. A flow: it adds a Woodgrove user and an assignment (the
// demo's four assignments stay), and changes no quantity.

const ADMIN = 'admin@woodgrove.onmicrosoft.example';

test('a tenant admin adds a user and assigns a licence; the quantity cannot go below what is assigned', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const local = `cara-${Date.now().toString(36)}`;
  const email = `${local}@woodgrove.onmicrosoft.example`;
  const admin = await as(browser, ADMIN);
  await admin.getByRole('link', { name: 'Users', exact: true }).click();
  await admin.getByLabel('Email', { exact: true }).fill(email);
  await admin.getByLabel('Name', { exact: true }).fill('Cara Diaz');
  await admin.getByLabel('Role', { exact: true }).selectOption({ label: 'User' });
  await admin.getByRole('button', { name: 'Add user' }).click();
  const shown = admin.getByRole('status').filter({ hasText: `${email} was added` });
  await expect(shown).toBeVisible();
  const temporary = (await shown.locator('[data-temporary-password]').textContent())!.trim();
  expect(temporary).toHaveLength(18);

  // The new user signs in with it and must choose a password first.
  const cara = await (await browser.newContext()).newPage();
  await cara.goto('/sign-in');
  await cara.getByLabel('Email').fill(email);
  await cara.getByLabel('Password').fill(temporary);
  await cara.getByRole('button', { name: 'Sign in' }).click();
  await expect(cara).toHaveURL(/\/change-password/);
  await cara.context().close();

  await admin.getByRole('link', { name: 'Licenses', exact: true }).click();
  const basic = admin.getByRole('region', { name: 'Microsoft 365 Business Basic' });
  await expect(basic).toContainText('4 of');
  await basic
    .getByLabel('Assign a licence of Microsoft 365 Business Basic to')
    .selectOption({ label: `Cara Diaz (${email})` });
  await basic.getByRole('button', { name: 'Assign' }).click();
  await expect(basic).toContainText('5 of');
  await expect(basic).toContainText('Cara Diaz');
  await admin.context().close();

  const provider = await as(browser, 'admin@northwind.example');
  await provider.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await provider.getByRole('link', { name: 'Woodgrove Bank' }).click();
  await provider.getByRole('link', { name: 'Microsoft 365 Business Basic' }).click();
  await form(provider).getByLabel('Licences', { exact: true }).fill('4');
  await submit(provider);
  await expect(provider.getByRole('region', { name: 'Change subscription' }).getByRole('alert')).toContainText(
    '5 licences of this subscription are assigned to users: the quantity cannot go below 5 (you asked for 4).',
  );
  await provider.context().close();

  // Taken back, the licence is free again.
  const again = await as(browser, ADMIN);
  await again.goto('/licenses');
  const region = again.getByRole('region', { name: 'Microsoft 365 Business Basic' });
  await region
    .getByRole('button', { name: 'Take back the licence of Microsoft 365 Business Basic from Cara Diaz' })
    .click();
  await expect(region).toContainText('4 of');
  await again.context().close();
});
