// API apps (Partner API): an org admin registers apps with scopes, the
// secret is shown once and stored hashed, rotation keeps the old secret for a
// grace period, revocation stops the app at once; every change is audited.
import { beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeCtx, makeCustomer, makeOrg } from '../factories';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import { createApiApp } from '@/lib/api-apps/create-api-app';
import { rotateApiAppSecret, SECRET_GRACE_HOURS } from '@/lib/api-apps/rotate-api-app-secret';
import { revokeApiApp } from '@/lib/api-apps/revoke-api-app';
import { findApiApps } from '@/lib/api-apps/find-api-apps';
import { verifyClient } from '@/lib/api-apps/verify-client';
import { Invalid, NotFound, Refused } from '@/lib/errors';

const HOUR = 3_600_000;
beforeEach(() => {
  clock.reset();
  return resetDatabase();
});

async function providerAdmin() {
  const provider = await makeOrg('INDIRECT_PROVIDER');
  return { provider, ctx: await makeCtx('ADMIN', { organizationId: provider.id }) };
}

describe('API apps', () => {
  it('registers an app: the secret is answered once, only its hash is stored, the change is audited', async () => {
    const { provider, ctx } = await providerAdmin();
    const app = await createApiApp(ctx, { name: '  Billing sync ', scopes: ['customers.read', 'orders.write'] });
    expect(app.clientId).toMatch(/^pcapp_[A-Za-z0-9_-]{16}$/);
    expect(app.clientSecret).toMatch(/^pcs_[A-Za-z0-9_-]{43}$/);
    const stored = await db().apiApp.findUniqueOrThrow({ where: { id: app.appId } });
    expect(stored).toMatchObject({ name: 'Billing sync', organizationId: provider.id, createdById: ctx.userId });
    expect(stored.scopes).toEqual(['customers.read', 'orders.write']);
    expect(JSON.stringify(stored)).not.toContain(app.clientSecret.slice(4));
    const listed = await findApiApps(ctx);
    expect(listed).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(stored.secretHash);
    const events = await db().auditEvent.findMany({ where: { targetId: app.appId } });
    expect(events.map((e) => e.action)).toEqual(['api_app.created']);
    expect(JSON.stringify(events)).not.toContain(app.clientSecret.slice(4));
    expect(await verifyClient(app.clientId, app.clientSecret)).toEqual({
      appId: app.appId,
      organizationId: provider.id,
      scopes: ['customers.read', 'orders.write'],
    });
    expect((await db().apiApp.findUniqueOrThrow({ where: { id: app.appId } })).lastUsedAt).toBeInstanceOf(Date);
  });

  it('refuses bad input, scopes beyond the role, and users who may not manage apps, storing nothing', async () => {
    const { provider, ctx } = await providerAdmin();
    await expect(createApiApp(ctx, { name: '', scopes: ['customers.read'] })).rejects.toMatchObject({
      fieldErrors: { name: ['errors.required'] },
    });
    await expect(createApiApp(ctx, { name: 'X', scopes: [] })).rejects.toMatchObject({
      fieldErrors: { scopes: ['apiApps.errors.scopesRequired'] },
    });
    await expect(createApiApp(ctx, { name: 'X', scopes: ['everything'] })).rejects.toBeInstanceOf(Invalid);
    await expect(createApiApp(ctx, { name: 'Bad\nname', scopes: ['customers.read'] })).rejects.toBeInstanceOf(Invalid);
    const agent = await makeCtx('ADMIN_AGENT', { organizationId: provider.id });
    await expect(createApiApp(agent, { name: 'X', scopes: ['customers.read'] })).rejects.toBeInstanceOf(Refused);
    const customer = await makeCustomer(provider.id);
    const customerAdmin = await makeCtx('CUSTOMER_ADMIN', { customerId: customer.id });
    await expect(createApiApp(customerAdmin, { name: 'X', scopes: ['customers.read'] })).rejects.toBeInstanceOf(
      Refused,
    );
    expect(await db().apiApp.count()).toBe(0);
    expect(await db().auditEvent.count({ where: { targetType: 'apiApp' } })).toBe(0);
  });

  it('a reseller admin registers apps too; the admin of a suspended organisation cannot', async () => {
    const reseller = await makeOrg('INDIRECT_RESELLER');
    const ctx = await makeCtx('ADMIN', { organizationId: reseller.id });
    const app = await createApiApp(ctx, { name: 'PSA', scopes: ['subscriptions.read', 'partnerships.write'] });
    expect(app.clientId).toBeTruthy();
    // A suspended organisation's admin holds no partner permission at all.
    const suspended = await makeOrg('INDIRECT_RESELLER', { status: 'SUSPENDED' });
    const blocked = await makeCtx('ADMIN', { organizationId: suspended.id });
    await expect(createApiApp(blocked, { name: 'X', scopes: ['customers.read'] })).rejects.toBeInstanceOf(Refused);
  });

  it('rotates the secret: the old one works for the grace period, then only the new one', async () => {
    const { ctx } = await providerAdmin();
    const app = await createApiApp(ctx, { name: 'Sync', scopes: ['customers.read'] });
    const rotated = await rotateApiAppSecret(ctx, { appId: app.appId });
    expect(rotated.clientSecret).not.toBe(app.clientSecret);
    expect(await verifyClient(app.clientId, rotated.clientSecret)).not.toBeNull();
    expect(await verifyClient(app.clientId, app.clientSecret)).not.toBeNull();
    clock.advance(SECRET_GRACE_HOURS * HOUR + 1000);
    expect(await verifyClient(app.clientId, app.clientSecret)).toBeNull();
    expect(await verifyClient(app.clientId, rotated.clientSecret)).not.toBeNull();
    // A second rotation drops the first secret at once, whatever its grace.
    const again = await rotateApiAppSecret(ctx, { appId: app.appId });
    expect(await verifyClient(app.clientId, again.clientSecret)).not.toBeNull();
    expect(await verifyClient(app.clientId, rotated.clientSecret)).not.toBeNull();
    expect(await verifyClient(app.clientId, app.clientSecret)).toBeNull();
    const actions = await db().auditEvent.findMany({ where: { targetId: app.appId }, orderBy: { occurredAt: 'asc' } });
    expect(actions.map((e) => e.action)).toEqual([
      'api_app.created',
      'api_app.secret_rotated',
      'api_app.secret_rotated',
    ]);
  });

  it('revokes an app: no secret works any more, nothing is left to rotate, a second revoke records nothing', async () => {
    const { ctx } = await providerAdmin();
    const app = await createApiApp(ctx, { name: 'Sync', scopes: ['customers.read'] });
    const rotated = await rotateApiAppSecret(ctx, { appId: app.appId });
    expect(await revokeApiApp(ctx, { appId: app.appId })).toEqual({ appId: app.appId, changed: true });
    expect(await verifyClient(app.clientId, rotated.clientSecret)).toBeNull();
    expect(await verifyClient(app.clientId, app.clientSecret)).toBeNull();
    await expect(rotateApiAppSecret(ctx, { appId: app.appId })).rejects.toBeInstanceOf(NotFound);
    expect(await revokeApiApp(ctx, { appId: app.appId })).toEqual({ appId: app.appId, changed: false });
    expect(await db().auditEvent.count({ where: { targetId: app.appId, action: 'api_app.revoked' } })).toBe(1);
    expect((await findApiApps(ctx))[0]!.revokedAt).toBeInstanceOf(Date);
  });

  it("answers NotFound for another organisation's app and changes nothing; unknown or wrong secrets verify nothing", async () => {
    const a = await providerAdmin();
    const b = await providerAdmin();
    const app = await createApiApp(a.ctx, { name: 'Sync', scopes: ['customers.read'] });
    await expect(rotateApiAppSecret(b.ctx, { appId: app.appId })).rejects.toBeInstanceOf(NotFound);
    await expect(revokeApiApp(b.ctx, { appId: app.appId })).rejects.toBeInstanceOf(NotFound);
    expect(await findApiApps(b.ctx)).toEqual([]);
    expect(await verifyClient(app.clientId, app.clientSecret)).not.toBeNull();
    expect(await verifyClient(app.clientId, `${app.clientSecret}x`)).toBeNull();
    expect(await verifyClient('pcapp_nobody', app.clientSecret)).toBeNull();
    expect(await verifyClient(app.clientId, '')).toBeNull();
    // An app of an organisation that is no longer active gets nothing.
    await db().organization.update({ where: { id: a.provider.id }, data: { status: 'SUSPENDED' } });
    expect(await verifyClient(app.clientId, app.clientSecret)).toBeNull();
  });
});
