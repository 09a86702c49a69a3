import { expect, type Browser, type Page } from '@playwright/test';
import { signIn } from '../helpers';

// What the subscription detail flows (50-subscription-detail and
// 55-subscription-licences) share.

/** A page of a new browser context, signed in as `email`. */
export async function as(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** The value of a fact of the detail page (a term and its definition). */
export const fact = (page: Page, term: string) => page.locator(`dt:text-is("${term}") + dd`);
export const form = (page: Page) => page.getByRole('form', { name: 'Change subscription' });

export async function submit(page: Page) {
  await form(page).getByRole('button', { name: 'Submit' }).click();
}

/** Moves the server's clock (app/api/test/clock): `{ advanceMs }` or `{ reset: true }`. */
export async function moveClock(browser: Browser, body: object) {
  const context = await browser.newContext();
  const response = await context.request.post('/api/test/clock', { data: body });
  expect(response.status()).toBe(200);
  await context.close();
}
