import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

// Registers its own apps (a name of its own): other specs never see them.
test.describe('API apps', () => {
  test('an org admin registers an app, sees its secret once, rotates the secret and revokes the app', async ({
    page,
  }) => {
    const name = `E2E app ${Date.now().toString(36)}`;
    await signIn(page, 'admin@northwind.example');
    await page.getByRole('navigation').getByRole('link', { name: 'API apps' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('API apps');

    // Refused without a scope: what was typed stays.
    await page.getByLabel('Name').fill(name);
    await page.getByRole('button', { name: 'Register an app' }).click();
    await expect(page.getByText('Choose at least one scope.')).toBeVisible();
    await expect(page.getByLabel('Name')).toHaveValue(name);

    await page.getByLabel('customers.read').check();
    await page.getByLabel('orders.write').check();
    await page.getByRole('button', { name: 'Register an app' }).click();
    const shown = page.getByRole('status').filter({ hasText: 'Copy the secret now' });
    await expect(shown).toBeVisible();
    const secret = (await shown.locator('[data-secret]').textContent())!;
    expect(secret).toMatch(/^pcs_[A-Za-z0-9_-]{43}$/);
    const clientId = (await shown.locator('dd').first().textContent())!;
    expect(clientId).toMatch(/^pcapp_/);

    const row = page.getByRole('row', { name: new RegExp(name) });
    await expect(row).toContainText('customers.read orders.write');
    await expect(row).toContainText('Never');
    await expect(row).toContainText('Active');
    // Shown once: a fresh load of the page has it nowhere.
    await page.reload();
    await expect(page.getByRole('row', { name: new RegExp(name) })).toBeVisible();
    expect(await page.content()).not.toContain(secret);

    await row.getByRole('button', { name: `Rotate the secret of ${name}` }).click();
    const rotated = row.getByRole('status').filter({ hasText: 'keeps working for 24 hours' });
    await expect(rotated).toBeVisible();
    const next = (await rotated.locator('[data-secret]').textContent())!;
    expect(next).toMatch(/^pcs_/);
    expect(next).not.toBe(secret);

    // The app gets a token with its secret (HTTP Basic), narrowed to one scope; the page now shows it used.
    const token = (secretNow: string) =>
      page.request.post('/api/oauth/token', {
        headers: { authorization: `Basic ${Buffer.from(`${clientId}:${secretNow}`).toString('base64')}` },
        form: { grant_type: 'client_credentials', scope: 'orders.write' },
        failOnStatusCode: false,
      });
    const issued = await token(next);
    expect(issued.status()).toBe(200);
    expect(await issued.json()).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'orders.write' });
    // The secret before the rotation still works during its grace period.
    expect((await token(secret)).status()).toBe(200);
    await page.reload();
    await expect(page.getByRole('row', { name: new RegExp(name) })).not.toContainText('Never');

    await row.getByRole('button', { name: `Revoke ${name}` }).click();
    await expect(row).toContainText('Revoked');
    await expect(row.getByRole('button')).toHaveCount(0);
    const refused = await token(next);
    expect(refused.status()).toBe(401);
    expect((await refused.json()).error).toBe('invalid_client');
  });

  test('the page is for org admins only', async ({ page }) => {
    await signIn(page, 'helpdesk@northwind.example');
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Customers' })).toBeVisible();
    await expect(page.getByRole('navigation').getByRole('link', { name: 'API apps' })).toHaveCount(0);
    const refused = await page.goto('/api-apps');
    expect(refused?.status()).toBe(404);
  });

  test('a reseller admin has the page too, labelled in Japanese', async ({ page }) => {
    await signIn(page, 'admin@fabrikam.example');
    await page.getByRole('button', { name: '日本語' }).click();
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: 'API アプリ' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('API アプリ');
    await expect(page.getByRole('button', { name: 'アプリの登録' })).toBeVisible();
    await page.getByRole('button', { name: 'English' }).click();
    await expect(nav.getByRole('link', { name: 'API apps' })).toBeVisible();
  });
});
