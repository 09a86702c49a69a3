// The Partner API v1 through its route handlers, as Next.js calls them, each
// answer checked against the OpenAPI document (tests/api/call.ts): bearer
// tokens and scopes, the same reach as the pages (404 for a foreign id),
// cursor paging, ETag / If-Match, Idempotency-Key, problem details, quotas.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeCtx, makeCustomer, makeOrg, makeUser } from '../factories';
import { makeSubscriptionSetup } from '../factories/subscriptions';
import { call } from '../api/call';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import type { Ctx } from '@/lib/authz/context';
import { createApiApp } from '@/lib/api-apps/create-api-app';
import { revokeApiApp } from '@/lib/api-apps/revoke-api-app';
import { signAccessToken } from '@/lib/api-apps/access-token';
import { SCOPE_NAMES, type ApiScope } from '@/lib/api-apps/scopes';
import * as customers from '@/app/api/v1/customers/route';
import * as customer from '@/app/api/v1/customers/[customerId]/route';
import * as customerSubscriptions from '@/app/api/v1/customers/[customerId]/subscriptions/route';
import * as subscription from '@/app/api/v1/subscriptions/[subscriptionId]/route';
import * as providers from '@/app/api/v1/providers/route';
import * as invitations from '@/app/api/v1/invitations/route';
import * as revokeInvitation from '@/app/api/v1/invitations/[invitationId]/revoke/route';
import * as auditEvents from '@/app/api/v1/audit-events/route';
import * as incentives from '@/app/api/v1/reports/incentives/route';
import * as apps from '@/app/api/v1/apps/route';

beforeEach(() => {
  vi.stubEnv('NEXTAUTH_SECRET', 'a-test-secret-for-the-partner-api-0123456789');
  vi.stubEnv('API_QUOTA_PER_MINUTE', '');
  clock.reset();
  return resetDatabase();
});

async function tokenFor(ctx: Ctx, scopes: ApiScope[] = SCOPE_NAMES) {
  const app = await createApiApp(ctx, { name: `App ${Math.random()}`, scopes });
  const token = await signAccessToken({ appId: app.appId, organizationId: ctx.orgId!, scopes });
  return { ...app, orgId: ctx.orgId!, token };
}

async function setup() {
  const s = await makeSubscriptionSetup(10);
  const admin = await makeCtx('ADMIN', { organizationId: s.provider.id });
  return { ...s, admin, app: await tokenFor(admin) };
}

const details = {
  companyName: 'Tailwind Traders',
  domainPrefix: 'tailwindtraders',
  addressLine1: '1 Main St',
  city: 'Seattle',
  postalCode: '98101',
  country: 'US',
  contactFirstName: 'Ada',
  contactLastName: 'Lovelace',
  contactEmail: 'ada@tailwind.example',
  language: 'en',
};

describe('tokens and scopes', () => {
  it('refuses a request without a token, with an altered one, of a revoked app, or without the scope', async () => {
    const { app, admin } = await setup();
    const none = await call(customers.GET, 'GET', '/customers');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    expect(none.headers.get('content-type')).toBe('application/problem+json');
    const altered = await call(customers.GET, 'GET', '/customers', { token: `${app.token.slice(0, -2)}xx` });
    expect(altered.body).toMatchObject({ status: 401, code: 'invalid_token' });
    const narrow = await tokenFor(admin, ['subscriptions.read']);
    const scoped = await call(customers.GET, 'GET', '/customers', { token: narrow.token });
    expect(scoped.body).toMatchObject({ status: 403, code: 'insufficient_scope' });
    expect(scoped.headers.get('www-authenticate')).toContain('scope="customers.read"');
    await revokeApiApp(admin, { appId: app.appId });
    expect((await call(customers.GET, 'GET', '/customers', { token: app.token })).status).toBe(401);
  });

  it('refuses an expired token, and a token signed with another secret, changing nothing', async () => {
    const { app, customer: c } = await setup();
    const before = await db().customer.findUniqueOrThrow({ where: { id: c.id } });
    clock.advance(3_601_000);
    const expired = await call(customer.PATCH, 'PATCH', `/customers/${c.id}`, {
      token: app.token,
      params: { customerId: c.id },
      body: { city: 'Expired' },
      headers: { 'if-match': '"x"' },
    });
    expect(expired.body).toMatchObject({ status: 401, code: 'invalid_token' });
    clock.reset();
    vi.stubEnv('NEXTAUTH_SECRET', 'another-secret-entirely-0123456789-abcdef');
    const forged = await call(customers.GET, 'GET', '/customers', { token: app.token });
    expect(forged.status).toBe(401);
    expect(await db().customer.findUniqueOrThrow({ where: { id: c.id } })).toEqual(before);
  });

  it("acts with no more than the token's scopes: a read-only token cannot order", async () => {
    const { admin, customer: c, offers } = await setup();
    const reader = await tokenFor(admin, ['customers.read']);
    const res = await call(customers.POST, 'POST', '/customers', {
      token: reader.token,
      body: { ...details, lines: [{ offerId: offers.basic.id, quantity: 1 }] },
    });
    expect(res.status).toBe(403);
    expect(await db().customer.count({ where: { companyName: 'Tailwind Traders' } })).toBe(0);
    expect(
      (await call(customer.GET, 'GET', `/customers/${c.id}`, { token: reader.token, params: { customerId: c.id } }))
        .status,
    ).toBe(200);
  });
});

describe('customers', () => {
  it('answers a foreign or malformed id 404, as the pages do', async () => {
    const { app } = await setup();
    const other = await makeOrg('INDIRECT_PROVIDER');
    const foreign = await makeCustomer(other.id);
    for (const id of [foreign.id, "x' OR 1=1 --", 'a'.repeat(300)]) {
      const res = await call(customer.GET, 'GET', `/customers/${encodeURIComponent(id)}`, {
        token: app.token,
        params: { customerId: id },
      });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('not_found');
    }
  });

  it('walks every customer once with limit and next, even while customers are added', async () => {
    const { app, provider } = await setup();
    for (let i = 0; i < 6; i++) await makeCustomer(provider.id, null, `Walk ${String(i).padStart(2, '0')}`);
    const seen: string[] = [];
    let path: string | null = '/customers?limit=2';
    let added = false;
    while (path) {
      const page: Awaited<ReturnType<typeof call>> = await call(customers.GET, 'GET', path.replace('/api/v1', ''), {
        token: app.token,
      });
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((c: { id: string }) => c.id));
      if (page.body.next) expect(page.headers.get('link')).toBe(`<${page.body.next}>; rel="next"`);
      if (!added) {
        await makeCustomer(provider.id, null, 'AAA added before the cursor');
        await makeCustomer(provider.id, null, 'zzz added after the cursor');
        added = true;
      }
      path = page.body.next;
    }
    expect(new Set(seen).size).toBe(seen.length);
    const all = await db().customer.findMany({
      where: { providerId: provider.id },
      select: { id: true, companyName: true },
    });
    const expected = all.filter((c) => c.companyName !== 'AAA added before the cursor').map((c) => c.id);
    expect(seen.sort()).toEqual(expected.sort());
  });

  it('PATCH needs If-Match: 428 without, 412 when stale, and records the app in the audit log', async () => {
    const { app, customer: c } = await setup();
    const params = { customerId: c.id };
    const read = await call(customer.GET, 'GET', `/customers/${c.id}`, { token: app.token, params });
    const etag = read.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    const body = { city: 'Portland' };
    expect((await call(customer.PATCH, 'PATCH', `/customers/${c.id}`, { token: app.token, params, body })).status).toBe(
      428,
    );
    const ok = await call(customer.PATCH, 'PATCH', `/customers/${c.id}`, {
      token: app.token,
      params,
      body,
      headers: { 'if-match': etag },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.city).toBe('Portland');
    expect(ok.headers.get('etag')).not.toBe(etag);
    const stale = await call(customer.PATCH, 'PATCH', `/customers/${c.id}`, {
      token: app.token,
      params,
      body: { city: 'Salem' },
      headers: { 'if-match': etag },
    });
    expect(stale.status).toBe(412);
    expect((await db().customer.findUniqueOrThrow({ where: { id: c.id } })).city).toBe('Portland');
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: 'customer.updated', targetId: c.id } });
    expect(event.actorAppId).toBe(app.appId);
  });

  it('refuses bad bodies cleanly and changes nothing', async () => {
    const { app, customer: c } = await setup();
    const params = { customerId: c.id };
    const before = await db().customer.findUniqueOrThrow({ where: { id: c.id } });
    const etag = (await call(customer.GET, 'GET', `/customers/${c.id}`, { token: app.token, params })).headers.get(
      'etag',
    )!;
    const send = (options: { raw?: string; body?: unknown; type?: string }) =>
      call(customer.PATCH, 'PATCH', `/customers/${c.id}`, {
        token: app.token,
        params,
        raw: options.raw,
        body: options.body,
        headers: { 'if-match': etag, ...(options.type ? { 'content-type': options.type } : {}) },
      });
    expect((await send({ raw: 'city=x', type: 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await send({ raw: '{"city":', type: 'application/json' })).body.code).toBe('malformed_json');
    expect((await send({ raw: JSON.stringify({ city: 'x'.repeat(70_000) }), type: 'application/json' })).status).toBe(
      413,
    );
    const invalid = await send({ body: { country: 'XX', contactEmail: 'not-an-email' } });
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual([
      '/contactEmail',
      '/country',
    ]);
    expect(JSON.stringify(invalid.body)).not.toMatch(/prisma|\bSELECT\b|\bat \w+ \(/);
    expect(await db().customer.findUniqueOrThrow({ where: { id: c.id } })).toEqual(before);
  });

  it('POST with an Idempotency-Key creates one customer; the same key with another body is 422; keys are per app', async () => {
    const { app, admin, offers } = await setup();
    const body = { ...details, lines: [{ offerId: offers.basic.id, quantity: 5 }] };
    const headers = { 'idempotency-key': 'order-42' };
    const first = await call(customers.POST, 'POST', '/customers', { token: app.token, body, headers });
    expect(first.status).toBe(201);
    expect(first.body.temporaryPassword).toBeTruthy();
    expect(first.headers.get('location')).toBe(`/api/v1/customers/${first.body.customerId}`);
    const again = await call(customers.POST, 'POST', '/customers', { token: app.token, body, headers });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const other = await call(customers.POST, 'POST', '/customers', {
      token: app.token,
      body: { ...body, companyName: 'Another' },
      headers,
    });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency_key_reused');
    expect(await db().customer.count({ where: { domainPrefix: 'tailwindtraders' } })).toBe(1);
    // Another app of the same organisation: its own key space (the domain is taken now: a rule's refusal).
    const second = await tokenFor(admin);
    const theirs = await call(customers.POST, 'POST', '/customers', { token: second.token, body, headers });
    expect(theirs.status).toBe(422);
    expect(theirs.body.code).toBe('domain_taken');
  });
});

describe('subscriptions', () => {
  it('raises licences with the ETag; the old ETag then answers 412', async () => {
    const { app, subscription: s } = await setup();
    const params = { subscriptionId: s.id };
    const read = await call(subscription.GET, 'GET', `/subscriptions/${s.id}`, { token: app.token, params });
    expect(read.body.quantity).toBe(10);
    const etag = read.headers.get('etag')!;
    const raised = await call(subscription.PATCH, 'PATCH', `/subscriptions/${s.id}`, {
      token: app.token,
      params,
      body: { quantity: 12 },
      headers: { 'if-match': etag },
    });
    expect(raised.status).toBe(200);
    expect(raised.body.quantity).toBe(12);
    const stale = await call(subscription.PATCH, 'PATCH', `/subscriptions/${s.id}`, {
      token: app.token,
      params,
      body: { quantity: 14 },
      headers: { 'if-match': etag },
    });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('stale_version');
  });

  it("answers the 7-day rule (R7) with a stable code and the rule's id", async () => {
    const { app, subscription: s } = await setup();
    clock.advance(8 * 24 * 3_600_000);
    const token = await signAccessToken({ appId: app.appId, organizationId: app.orgId, scopes: SCOPE_NAMES });
    const params = { subscriptionId: s.id };
    const etag = (await call(subscription.GET, 'GET', `/subscriptions/${s.id}`, { token, params })).headers.get(
      'etag',
    )!;
    const res = await call(subscription.PATCH, 'PATCH', `/subscriptions/${s.id}`, {
      token,
      params,
      body: { quantity: 3 },
      headers: { 'if-match': etag },
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'change_window_closed', rule: 'R7' });
    expect((await db().subscription.findUniqueOrThrow({ where: { id: s.id } })).quantity).toBe(10);
  });

  it('refuses a quantity below the licences assigned to the tenant’s users, naming both numbers', async () => {
    const { app, customer: c, subscription: s } = await setup();
    for (let i = 0; i < 4; i++) {
      const user = await makeUser('CUSTOMER_USER', { customerId: c.id });
      await db().licenceAssignment.create({ data: { subscriptionId: s.id, userId: user.id } });
    }
    const params = { subscriptionId: s.id };
    const etag = (
      await call(subscription.GET, 'GET', `/subscriptions/${s.id}`, { token: app.token, params })
    ).headers.get('etag')!;
    const res = await call(subscription.PATCH, 'PATCH', `/subscriptions/${s.id}`, {
      token: app.token,
      params,
      body: { quantity: 3 },
      headers: { 'if-match': etag },
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'below_assigned', rule: 'R7' });
    expect(res.body.detail).toContain('4 licences');
    expect(res.body.detail).toContain('(you asked for 3)');
    expect((await db().subscription.findUniqueOrThrow({ where: { id: s.id } })).quantity).toBe(10);
  });

  it("lists a customer's subscriptions", async () => {
    const { app, customer: c, subscription: s } = await setup();
    const res = await call(customerSubscriptions.GET, 'GET', `/customers/${c.id}/subscriptions`, {
      token: app.token,
      params: { customerId: c.id },
    });
    expect(res.body.items.map((i: { id: string }) => i.id)).toEqual([s.id]);
  });
});

describe('partnerships and reports', () => {
  it('invites a reseller by mail, lists and revokes the invitation; a reseller gets 404; the audit log shows the app', async () => {
    const { app, resellerA } = await setup();
    const created = await call(invitations.POST, 'POST', '/invitations', {
      token: app.token,
      body: { resellerEmail: 'new-reseller@example.com' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ sent: true, link: expect.stringContaining('/partnership-invitations/') });
    expect(await db().outboxMessage.count({ where: { to: 'new-reseller@example.com' } })).toBe(1);
    const listed = await call(invitations.GET, 'GET', '/invitations', { token: app.token });
    expect(listed.body.items.map((i: { id: string }) => i.id)).toContain(created.body.invitationId);
    const params = { invitationId: created.body.invitationId };
    const path = `/invitations/${params.invitationId}/revoke`;
    expect((await call(revokeInvitation.POST, 'POST', path, { token: app.token, params })).status).toBe(200);
    const again = await call(revokeInvitation.POST, 'POST', path, { token: app.token, params });
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('not_pending');
    const resellerAdmin = await makeCtx('ADMIN', { organizationId: resellerA.id });
    const theirs = await tokenFor(resellerAdmin);
    expect((await call(invitations.GET, 'GET', '/invitations', { token: theirs.token })).status).toBe(404);
    const events = await call(auditEvents.GET, 'GET', '/audit-events?action=partnership.invitation_revoked', {
      token: app.token,
    });
    expect(events.body.items).toHaveLength(1);
    const event = await db().auditEvent.findUniqueOrThrow({ where: { id: events.body.items[0].id } });
    expect(event.actorAppId).toBe(app.appId);
  });

  it('answers the incentives report of a month', async () => {
    const { app } = await setup();
    const month = new Date().toISOString().slice(0, 7);
    const res = await call(incentives.GET, 'GET', `/reports/incentives?month=${month}`, { token: app.token });
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items[0]).toMatchObject({ currency: 'USD', incentiveRateBps: 500 });
  });
});

describe('API apps through the API', () => {
  it('registers an app within the calling token, never beyond it; the secret is answered once', async () => {
    const { admin } = await setup();
    const manager = await tokenFor(admin, ['webhooks.manage']);
    const beyond = await call(apps.POST, 'POST', '/apps', {
      token: manager.token,
      body: { name: 'Escalation', scopes: ['customers.write'] },
    });
    expect([403, 422]).toContain(beyond.status);
    expect(await db().apiApp.count({ where: { name: 'Escalation' } })).toBe(0);
    const made = await call(apps.POST, 'POST', '/apps', {
      token: manager.token,
      body: { name: 'Hooks only', scopes: ['webhooks.manage'] },
    });
    expect(made.status).toBe(201);
    expect(made.body.clientSecret).toMatch(/^pcs_/);
    const listed = await call(apps.GET, 'GET', '/apps', { token: manager.token });
    expect(JSON.stringify(listed.body)).not.toContain(made.body.clientSecret);
    expect(listed.body.items.map((a: { name: string }) => a.name)).toContain('Hooks only');
  });
});

describe('quotas and public operations', () => {
  it('answers 429 with Retry-After past the quota, and serves again after the wait', async () => {
    vi.stubEnv('API_QUOTA_PER_MINUTE', '3');
    const { app } = await setup();

    for (let i = 0; i < 3; i++) {
      const ok = await call(customers.GET, 'GET', '/customers', { token: app.token });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('ratelimit')).toBe(`"app";r=${2 - i};t=60`);
      expect(ok.headers.get('ratelimit-policy')).toBe('"app";q=3;w=60');
    }
    const refused = await call(customers.GET, 'GET', '/customers', { token: app.token });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('60');
    clock.advance(60_001);
    expect((await call(customers.GET, 'GET', '/customers', { token: app.token })).status).toBe(200);
  });

  it('Find a provider needs no token', async () => {
    const provider = await makeOrg('INDIRECT_PROVIDER', { legalName: 'Public Provider Ltd' });
    const res = await call(providers.GET, 'GET', '/providers');
    expect(res.status).toBe(200);
    expect(res.body.items.map((p: { id: string }) => p.id)).toContain(provider.id);
  });
});
