import { existsSync, readFileSync } from 'node:fs';
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

type Mail = { to: string[]; raw: string };

/** Waits for the latest message to `to` whose raw text contains `text`, from the e2e server's SMTP listener. */
export async function waitForMail(to: string, text: string, timeoutMs = 30_000): Promise<Mail> {
  const file = process.env.E2E_MAIL_LOG!;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
    const found = lines.map((l) => JSON.parse(l) as Mail).findLast((m) => m.to.includes(to) && m.raw.includes(text));
    if (found) return found;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no mail to ${to} containing "${text}" within ${timeoutMs / 1000} s`);
}

/** The first link to `path` in a mail's text, its quoted-printable soft breaks and escapes undone. */
export function linkIn(mail: Mail, path: string): string {
  const text = mail.raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const found = new RegExp(`https?://[^\\s"]+${path}[A-Za-z0-9_-]+`).exec(text)?.[0];
  if (!found) throw new Error(`no ${path} link in the mail to ${mail.to.join(', ')}`);
  return new URL(found).pathname;
}

/** How many messages to `to` whose raw text contains `text` the e2e server's SMTP listener has received. */
export function mailsTo(to: string, text: string): number {
  const file = process.env.E2E_MAIL_LOG!;
  if (!existsSync(file)) return 0;
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Mail)
    .filter((m) => m.to.includes(to) && m.raw.includes(text)).length;
}
