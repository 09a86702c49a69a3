import { expect, type Page } from '@playwright/test';

export const PASSWORD = process.env.DEMO_PASSWORD || 'Demo-Passw0rd!';

export const ACCOUNTS = [
  { email: 'staff@vendor.example', org: process.env.VENDOR_NAME || 'Microsoft' },
  { email: 'admin@northwind.example', org: 'Northwind Distribution' },
  { email: 'sales@northwind.example', org: 'Northwind Distribution' },
  { email: 'admin@fabrikam.example', org: 'Fabrikam Solutions' },
  { email: 'admin@tailspin.example', org: 'Tailspin IT' },
  { email: 'admin@adatum.example', org: 'Adatum Reseller' },
  { email: 'admin@woodgrove.onmicrosoft.example', org: 'Woodgrove Bank' },
] as const;

/** Signs in through the form as a person would, and waits for the home page. */
export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}
