import { readFile } from 'node:fs/promises';
import { expect, test, type Browser } from '@playwright/test';
import createClient from 'openapi-fetch';
import type { paths } from '../../api/partner-api';
import { partnerApiTypes } from '../../api/types';
import { responseValidator } from '../../api/validate';
import { signIn } from '../helpers';

// The Partner API driven by a client generated from the document the
// production server serves: openapi-typescript's types (checked here against
// the committed tests/api/partner-api.d.ts, which types this file) with
// openapi-fetch, every answer checked against that document. Each app is
// registered on the API apps page by its admin. A flow (tests/e2e/fixtures/
// flows.ts): it adds a customer managed by Tailspin IT and its order, under a
// name of its own, so it runs after the specs that read the demo data as it is.

const SCOPES = [
  'customers.read',
  'customers.write',
  'orders.write',
  'subscriptions.read',
  'subscriptions.write',
  'partnerships.read',
];

async function registerApp(browser: Browser, email: string, name: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  await page.goto('/api-apps');
  await page.getByLabel('Name').fill(name);
  for (const scope of SCOPES) await page.getByLabel(scope, { exact: true }).check();
  await page.getByRole('button', { name: 'Register an app' }).click();
  const shown = page.getByRole('status').filter({ hasText: 'Copy the secret now' });
  await expect(shown).toBeVisible();
  const secret = (await shown.locator('[data-secret]').textContent())!;
  const clientId = (await shown.locator('dd').first().textContent())!;
  const issued = await page.request.post('/api/oauth/token', {
    form: { grant_type: 'client_credentials', client_id: clientId, client_secret: secret },
  });
  expect(issued.status()).toBe(200);
  const { access_token: token } = (await issued.json()) as { access_token: string };
  await context.close();
  return token;
}

test('a generated client: a provider orders for Tailspin IT, Tailspin finds it, ETags and keys hold, the quota answers 429', async ({
  browser,
  request,
  baseURL,
}) => {
  test.setTimeout(180_000);
  // The types generated from the served document are the ones this file is typed with.
  const served = (await (await request.get('/api/v1/openapi.json')).json()) as Record<string, unknown>;
  expect(await partnerApiTypes(served)).toBe(await readFile('tests/api/partner-api.d.ts', 'utf8'));

  const run = Date.now().toString(36);
  // Every answer is checked against the served document.
  const validate = await responseValidator(served);
  const client = (token: string) => {
    const api = createClient<paths>({ baseUrl: `${baseURL}/api/v1`, headers: { authorization: `Bearer ${token}` } });
    api.use({
      async onResponse({ request, response }) {
        const text = await response.clone().text();
        const path = new URL(request.url).pathname.replace(/^\/api\/v1/, '');
        validate(request.method, path, response.status, text ? JSON.parse(text) : null);
      },
    });
    return api;
  };
  const provider = client(await registerApp(browser, 'admin@northwind.example', `Client ${run}`));
  const tailspin = client(await registerApp(browser, 'admin@tailspin.example', `Client ${run}`));

  const offers = await provider.GET('/offers');
  expect(offers.response.status).toBe(200);
  const basic = offers.data!.items.find((o) => o.sku === 'M365-BB')!;
  const resellers = await provider.GET('/indirect-resellers', { params: { query: { q: 'Tailspin' } } });
  expect(resellers.response.status).toBe(200);
  const tailspinId = resellers.data!.items.find((p) => p.reseller.legalName === 'Tailspin IT')!.reseller.id;

  // A new customer with a 5-licence order for Tailspin IT; the same Idempotency-Key again creates nothing more.
  const companyName = `API Client ${run}`;
  const order = {
    params: { header: { 'Idempotency-Key': `order-${run}` } },
    body: {
      companyName,
      domainPrefix: `apiclient${run}`,
      addressLine1: '1 Main St',
      city: 'Seattle',
      postalCode: '98101',
      country: 'US',
      contactFirstName: 'Ada',
      contactLastName: 'Lovelace',
      contactEmail: 'ada@apiclient.example',
      language: 'en' as const,
      lines: [{ offerId: basic.id, quantity: 5 }],
      resellerId: tailspinId,
    },
  };
  const created = await provider.POST('/customers', order);
  expect(created.response.status).toBe(201);
  expect(created.data!.temporaryPassword).toBeTruthy();
  const replayed = await provider.POST('/customers', order);
  expect(replayed.response.status).toBe(201);
  expect(replayed.data!.orderId).toBe(created.data!.orderId);
  const found = await provider.GET('/customers', { params: { query: { q: companyName } } });
  expect(found.data!.items.map((c) => c.id)).toEqual([created.data!.customerId]);

  // Tailspin IT's app lists the subscriptions it manages and finds the new one.
  const managed = await tailspin.GET('/subscriptions', { params: { query: { relation: 'managed', q: companyName } } });
  expect(managed.response.status).toBe(200);
  const subscription = managed.data!.items.find((s) => s.customerId === created.data!.customerId)!;
  expect(subscription).toMatchObject({ quantity: 5, status: 'ACTIVE', offerName: basic.name });

  // The provider raises the quantity with the ETag; the old ETag then answers 412.
  const path = { params: { path: { subscriptionId: subscription.id } } };
  const read = await provider.GET('/subscriptions/{subscriptionId}', path);
  const etag = read.response.headers.get('etag')!;
  const raised = await provider.PATCH('/subscriptions/{subscriptionId}', {
    params: { ...path.params, header: { 'If-Match': etag } },
    body: { quantity: 6 },
  });
  expect(raised.response.status).toBe(200);
  expect(raised.data!.quantity).toBe(6);
  const stale = await provider.PATCH('/subscriptions/{subscriptionId}', {
    params: { ...path.params, header: { 'If-Match': etag } },
    body: { quantity: 7 },
  });
  expect(stale.response.status).toBe(412);
  expect(stale.error).toMatchObject({ code: 'stale_version' });

  // A burst past the app's quota answers 429 with Retry-After; after the wait it serves again.
  let refused: Response | undefined;
  for (let i = 0; i < 600 && !refused; i++) {
    const { response } = await tailspin.GET('/subscriptions', { params: { query: { limit: 1 } } });
    if (response.status === 429) refused = response;
    else expect(response.status).toBe(200);
  }
  expect(refused, 'no 429 within 600 requests').toBeDefined();
  const wait = Number(refused!.headers.get('retry-after'));
  expect(wait).toBeGreaterThan(0);
  expect(wait).toBeLessThanOrEqual(60);
  expect(refused!.headers.get('ratelimit-policy')).toMatch(/^"app";q=\d+;w=60$/);
  await new Promise((resolve) => setTimeout(resolve, wait * 1000 + 200));
  expect((await tailspin.GET('/subscriptions', { params: { query: { limit: 1 } } })).response.status).toBe(200);
});

test('the API reference page renders the document with Swagger UI', async ({ page }) => {
  await page.goto('/api/docs');
  await expect(page.getByRole('heading', { name: /Partner Center API/ })).toBeVisible();
  await expect(page.getByText('List customers').first()).toBeVisible();
  await expect(page.getByText('/customers/{customerId}').first()).toBeVisible();
});
