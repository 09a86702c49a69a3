import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { Webhook } from 'standardwebhooks';
import { signIn } from './helpers';

// Adds its own endpoint (a path of its own) on a receiver in this process:
// other specs never see it. The e2e server allows http on 127.0.0.1
// (WEBHOOK_ALLOW_PRIVATE=1, scripts/e2e-server.ts) and runs the webhook worker.
type Received = { headers: Record<string, string>; body: string };

async function receiver() {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers as Record<string, string>, body: Buffer.concat(chunks).toString('utf8') });
      res.end('thanks');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { received, url: `http://127.0.0.1:${port}/e2e-${Date.now().toString(36)}`, close: () => server.close() };
}

/** The signature, checked as a subscriber would (at the request's own time: the server's clock may be moved). */
function verify(secret: string, { headers, body }: Received) {
  const realNow = Date.now;
  const at = Number(headers['webhook-timestamp']) * 1000;
  Date.now = () => at;
  try {
    return new Webhook(secret).verify(body, headers);
  } finally {
    Date.now = realNow;
  }
}

test.describe('Webhooks', () => {
  test('an org admin adds an endpoint, sees its secret once, sends a test event that shows in the delivery log, resends it, disables and deletes it', async ({
    page,
  }) => {
    const hook = await receiver();
    try {
      await signIn(page, 'admin@northwind.example');
      await page.getByRole('navigation').getByRole('link', { name: 'Webhooks' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Webhooks');

      // Refused without an event: what was typed stays.
      await page.getByLabel('Endpoint URL').fill(hook.url);
      await page.getByRole('button', { name: 'Add endpoint' }).click();
      await expect(page.getByText('Choose at least one event.')).toBeVisible();
      await expect(page.getByLabel('Endpoint URL')).toHaveValue(hook.url);

      await page.getByLabel('customer.updated').check();
      await page.getByLabel('subscription.updated').check();
      await page.getByRole('button', { name: 'Add endpoint' }).click();
      const shown = page.getByRole('status').filter({ hasText: 'Copy the secret now' });
      await expect(shown).toBeVisible();
      const secret = (await shown.locator('[data-secret]').textContent())!;
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

      const row = page.getByRole('row', { name: new RegExp(hook.url) });
      await expect(row).toContainText('customer.updated subscription.updated');
      await expect(row).toContainText('Enabled');
      // Shown once: a fresh load of the page has it nowhere.
      await page.reload();
      expect(await page.content()).not.toContain(secret.slice(6));

      await row.getByRole('button', { name: `Send a test event to ${hook.url}` }).click();
      await expect(row.getByText('Test event queued')).toBeVisible();
      await expect.poll(() => hook.received.length, { timeout: 20_000 }).toBe(1);
      const first = hook.received[0]!;
      expect(verify(secret, first)).toMatchObject({ type: 'webhook.test' });

      await row.getByRole('link', { name: `Delivery log of ${hook.url}` }).click();
      const log = page.getByRole('region', { name: `Delivery log: ${hook.url}` });
      const delivery = log.getByRole('row', { name: /webhook\.test/ });
      await expect(delivery).toContainText('Succeeded');
      await expect(delivery).toContainText('200');

      await delivery.getByRole('button', { name: /^Resend webhook\.test/ }).click();
      await expect(delivery.getByText('Queued again')).toBeVisible();
      await expect.poll(() => hook.received.length, { timeout: 20_000 }).toBe(2);
      // The same message again: the same webhook-id.
      expect(hook.received[1]!.headers['webhook-id']).toBe(first.headers['webhook-id']);
      expect(verify(secret, hook.received[1]!)).toMatchObject({ type: 'webhook.test' });
      await page.reload();
      await expect(log.getByRole('row', { name: /webhook\.test/ })).toHaveCount(2);

      const listed = page.getByRole('row', { name: new RegExp(hook.url) }).first();
      await listed.getByRole('button', { name: `Disable ${hook.url}` }).click();
      await expect(listed).toContainText('Disabled');
      await listed.getByRole('button', { name: `Enable ${hook.url}` }).click();
      await expect(listed).toContainText('Enabled');
      // The delete (a server action) must have answered before the page is opened again.
      const deleted = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/webhooks'));
      await listed.getByRole('button', { name: `Delete ${hook.url}` }).click();
      expect((await deleted).ok()).toBe(true);
      await page.goto('/webhooks');
      await expect(page.getByRole('row', { name: new RegExp(hook.url) })).toHaveCount(0);
    } finally {
      hook.close();
    }
  });

  test('refuses a URL that is not a full URL, with the message on the field', async ({ page }) => {
    await signIn(page, 'admin@northwind.example');
    await page.goto('/webhooks');
    await page.getByLabel('Endpoint URL').fill('https://user:secret@hooks.example/in');
    await page.getByLabel('customer.created').check();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await expect(page.getByText('without a user name or password')).toBeVisible();
  });

  test('the page is for org admins only', async ({ page }) => {
    await signIn(page, 'helpdesk@northwind.example');
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Customers' })).toBeVisible();
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Webhooks' })).toHaveCount(0);
    const refused = await page.goto('/webhooks');
    expect(refused?.status()).toBe(404);
  });

  test('a reseller admin has the page too, labelled in Japanese', async ({ page }) => {
    await signIn(page, 'admin@fabrikam.example');
    await page.getByRole('button', { name: '日本語' }).click();
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: 'Webhook', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Webhook');
    await expect(page.getByRole('button', { name: 'エンドポイントの追加' })).toBeVisible();
    await page.getByRole('button', { name: 'English' }).click();
    await expect(nav.getByRole('link', { name: 'Webhooks' })).toBeVisible();
  });
});
