import { expect, test } from '@playwright/test';
import { signIn, waitForMail } from './helpers';
import { codeStep, enrolTotp, passwordStep, signOut, totpCode } from './mfa-helpers';

// Multi-factor sign-in with users no other spec signs in as
// (helpdesk@adatum.example, helpdesk@tailspin.example).

test('an authenticator app is enrolled by reading its secret; sign-in then asks for its code; a recovery code works once', async ({
  page,
}) => {
  await signIn(page, 'helpdesk@adatum.example');
  const { secret, recoveryCodes } = await enrolTotp(page);
  await waitForMail('helpdesk@adatum.example', 'Your Partner Center sign-in security changed');
  await signOut(page);

  // Password alone no longer signs in: the second step asks for the code, and the pending step opens nothing.
  await passwordStep(page, 'helpdesk@adatum.example');
  await page.goto('/customers');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fcustomers/);
  // The page first asked for survives both steps.
  await passwordStep(page, 'helpdesk@adatum.example', '/customers');
  await expect(page).toHaveURL(/callbackUrl=%2Fcustomers/);
  await codeStep(page, '000000');
  await expect(page.locator('form').getByRole('alert')).toHaveText('The code is incorrect or was already used.');
  // The enrolment used this step's code: the next step's is accepted (once).
  await codeStep(page, await totpCode(secret, 1));
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page).toHaveURL(/\/customers$/);
  await signOut(page);

  await passwordStep(page, 'helpdesk@adatum.example');
  await codeStep(page, recoveryCodes[0]!);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await page.getByRole('link', { name: 'Sign-in security' }).click();
  await expect(page.getByText('9 unused recovery codes.')).toBeVisible();
  await signOut(page);

  await passwordStep(page, 'helpdesk@adatum.example');
  await codeStep(page, recoveryCodes[0]!);
  await expect(page.locator('form').getByRole('alert')).toHaveText('The code is incorrect or was already used.');
});

// WebAuthn needs a host name (an IP address is no relying party): the same server, as localhost.
const onLocalhost = test.extend({
  baseURL: async ({ baseURL }, provide) => provide(baseURL?.replace('127.0.0.1', 'localhost')),
});

onLocalhost.describe('passkeys', () => {
  onLocalhost('a passkey registered with the virtual authenticator signs in as the second factor', async ({ page }) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
      },
    });
    await signIn(page, 'helpdesk@tailspin.example');
    await page.getByRole('link', { name: 'Sign-in security' }).click();
    await page.getByLabel('Passkey name').fill('Test laptop');
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await expect(page.getByText('Passkey added.')).toBeVisible();
    await expect(page.locator('[data-recovery-code]')).toHaveCount(10);
    await expect(page.getByRole('button', { name: 'Remove passkey Test laptop' })).toBeVisible();
    await signOut(page);

    await passwordStep(page, 'helpdesk@tailspin.example');
    await page.getByRole('button', { name: 'Use a passkey' }).click();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await expect(page.getByTestId('org-name')).toHaveText('Tailspin IT');

    // Removable: with no factor left, the password alone signs in again.
    await page.getByRole('link', { name: 'Sign-in security' }).click();
    await expect(page.getByText(/last used/)).toBeVisible();
    await page.getByRole('button', { name: 'Remove passkey Test laptop' }).click();
    await expect(page.getByText('No passkeys yet.')).toBeVisible();
    await signOut(page);
    await signIn(page, 'helpdesk@tailspin.example');
  });
});

test('the Sign-in security page exists in Japanese', async ({ page }) => {
  await signIn(page, 'sales@adatum.example');
  await page.getByRole('button', { name: '日本語' }).click();
  await page.getByRole('link', { name: 'サインインのセキュリティ' }).click();
  await expect(page.getByRole('heading', { name: 'サインインのセキュリティ', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: '認証アプリを設定' })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Sign-in security', level: 1 })).toBeVisible();
});
