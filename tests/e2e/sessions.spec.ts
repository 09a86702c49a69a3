import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('signing out ends the session, so a copied cookie stops working', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'admin@tailspin.example');
  const stolen = await context.cookies();

  const thief = await browser.newContext();
  await thief.addCookies(stolen);
  const thiefPage = await thief.newPage();
  await thiefPage.goto('/customers');
  await expect(thiefPage).toHaveURL(/\/customers$/);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  await thiefPage.goto('/customers');
  await expect(thiefPage).toHaveURL(/\/sign-in/);
  await context.close();
  await thief.close();
});
