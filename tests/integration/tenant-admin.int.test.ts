import { beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeChannel, makeCtx, makeOffer, makeSubscription, makeUser } from '../factories';
import { db } from '@/lib/db';
import { loadCtx } from '@/lib/auth/session';
import { Invalid, NotFound, Refused } from '@/lib/errors';
import { changeSubscription } from '@/lib/subscriptions/change-subscription';
import { assignLicence, findTenantLicences, unassignLicence } from '@/lib/tenant/licences';
import {
  addTenantUser,
  findTenantUsers,
  resetTenantUserPassword,
  setTenantUserEnabled,
} from '@/lib/tenant/tenant-users';
import { verifyCredentials } from '@/lib/users/verify-credentials';

beforeEach(resetDatabase);

async function tenant(quantity = 3) {
  const channel = await makeChannel();
  const { customer, provider } = channel;
  const admin = await makeCtx('CUSTOMER_ADMIN', { customerId: customer.id });
  const offer = await makeOffer();
  await db().offer.update({ where: { id: offer.id }, data: { minQuantity: 1, maxQuantity: 300 } });
  const subscription = await makeSubscription(customer.id, provider.id, offer.id, quantity);
  const providerAdmin = await makeCtx('ADMIN', { organizationId: provider.id });
  return { ...channel, admin, subscription, providerAdmin };
}

describe("a customer tenant's users", () => {
  it('adds a user with a temporary password that must be changed, and resets it later (sessions end)', async () => {
    const { customer, admin } = await tenant();
    const added = await addTenantUser(admin, {
      customerId: customer.id,
      email: 'New.Person@Tenant.example',
      name: 'New Person',
      role: 'CUSTOMER_USER',
    });
    const signedIn = await verifyCredentials({ email: 'new.person@tenant.example', password: added.temporaryPassword });
    expect(signedIn).not.toBeNull();
    const ctx = await loadCtx(signedIn!.id, signedIn!.sessionVersion);
    expect(ctx).toMatchObject({ customerId: customer.id, role: 'CUSTOMER_USER', mustChangePassword: true });

    const reset = await resetTenantUserPassword(admin, { customerId: customer.id, userId: added.userId });
    expect(reset.temporaryPassword).not.toBe(added.temporaryPassword);
    expect(await loadCtx(signedIn!.id, signedIn!.sessionVersion)).toBeNull();
    expect(await verifyCredentials({ email: added.email, password: added.temporaryPassword })).toBeNull();
    expect(await verifyCredentials({ email: added.email, password: reset.temporaryPassword })).not.toBeNull();
    const { users } = await findTenantUsers(admin, { customerId: customer.id });
    expect(users.map((u) => u.email)).toContain('new.person@tenant.example');
  });

  it('disables and enables; the last customer admin stays; a taken email is refused', async () => {
    const { customer, admin } = await tenant();
    const other = await makeUser('CUSTOMER_USER', { customerId: customer.id });
    await setTenantUserEnabled(admin, { customerId: customer.id, userId: other.id, enabled: 'false' });
    expect(await loadCtx(other.id, other.sessionVersion)).toBeNull();
    await setTenantUserEnabled(admin, { customerId: customer.id, userId: other.id, enabled: 'true' });
    expect(await loadCtx(other.id, other.sessionVersion + 1)).not.toBeNull();
    await expect(
      setTenantUserEnabled(admin, { customerId: customer.id, userId: admin.userId, enabled: 'false' }),
    ).rejects.toBeInstanceOf(Refused);
    // A second admin, then the first disables it: fine; but not the last one.
    const second = await makeCtx('CUSTOMER_ADMIN', { customerId: customer.id });
    await setTenantUserEnabled(second, { customerId: customer.id, userId: admin.userId, enabled: 'false' });
    await expect(
      setTenantUserEnabled(admin, { customerId: customer.id, userId: second.userId, enabled: 'false' }),
    ).rejects.toMatchObject({ messageKey: 'users.errors.lastAdmin' });
    await expect(
      addTenantUser(second, { customerId: customer.id, email: other.email, name: 'Dup', role: 'CUSTOMER_USER' }),
    ).rejects.toBeInstanceOf(Invalid);
  });

  it('another tenant, a partner and a customer user get NotFound, and nothing changes', async () => {
    const { customer, admin, providerAdmin } = await tenant();
    const elsewhere = await tenant();
    const victim = await makeUser('CUSTOMER_USER', { customerId: customer.id });
    const plainUser = await makeCtx('CUSTOMER_USER', { customerId: customer.id });
    for (const ctx of [elsewhere.admin, providerAdmin, plainUser]) {
      await expect(findTenantUsers(ctx, { customerId: customer.id })).rejects.toBeInstanceOf(NotFound);
      await expect(resetTenantUserPassword(ctx, { customerId: customer.id, userId: victim.id })).rejects.toBeInstanceOf(
        NotFound,
      );
      await expect(
        setTenantUserEnabled(ctx, { customerId: customer.id, userId: victim.id, enabled: 'false' }),
      ).rejects.toBeInstanceOf(NotFound);
    }
    // The tenant's own admin naming another tenant's user: not found either.
    await expect(
      resetTenantUserPassword(admin, { customerId: customer.id, userId: elsewhere.admin.userId }),
    ).rejects.toBeInstanceOf(NotFound);
    expect(await loadCtx(victim.id, victim.sessionVersion)).not.toBeNull();
  });
});

describe('licence assignments', () => {
  it('assigns up to the quantity, then refuses; taking one back frees it', async () => {
    const { customer, admin, subscription } = await tenant(2);
    const a = await makeUser('CUSTOMER_USER', { customerId: customer.id });
    const b = await makeUser('CUSTOMER_USER', { customerId: customer.id });
    const c = { customerId: customer.id, subscriptionId: subscription.id };
    await assignLicence(admin, { ...c, userId: a.id });
    await assignLicence(admin, { ...c, userId: b.id });
    await expect(assignLicence(admin, { ...c, userId: admin.userId })).rejects.toMatchObject({
      messageKey: 'tenant.errors.noLicenceLeft',
      values: { quantity: 2 },
    });
    await unassignLicence(admin, { ...c, userId: a.id });
    await assignLicence(admin, { ...c, userId: admin.userId });
    const { subscriptions } = await findTenantLicences(admin, { customerId: customer.id });
    expect(subscriptions[0]!.assigned.map((u) => u.id).sort()).toEqual([admin.userId, b.id].sort());
  });

  it("refuses a licence of another tenant's subscription or for another tenant's user", async () => {
    const { customer, admin, subscription } = await tenant();
    const elsewhere = await tenant();
    await expect(
      assignLicence(admin, {
        customerId: customer.id,
        subscriptionId: elsewhere.subscription.id,
        userId: admin.userId,
      }),
    ).rejects.toBeInstanceOf(NotFound);
    await expect(
      assignLicence(admin, {
        customerId: customer.id,
        subscriptionId: subscription.id,
        userId: elsewhere.admin.userId,
      }),
    ).rejects.toBeInstanceOf(NotFound);
    await expect(
      assignLicence(elsewhere.admin, {
        customerId: customer.id,
        subscriptionId: subscription.id,
        userId: admin.userId,
      }),
    ).rejects.toBeInstanceOf(NotFound);
    expect(await db().licenceAssignment.count()).toBe(0);
  });

  it('a quantity below the assigned licences is refused with both numbers; at the assigned count it is fine', async () => {
    const { customer, admin, subscription, providerAdmin } = await tenant(5);
    for (let i = 0; i < 3; i++) {
      const user = await makeUser('CUSTOMER_USER', { customerId: customer.id });
      await assignLicence(admin, { customerId: customer.id, subscriptionId: subscription.id, userId: user.id });
    }
    const version = (await db().subscription.findUniqueOrThrow({ where: { id: subscription.id } })).version;
    await expect(
      changeSubscription(providerAdmin, { subscriptionId: subscription.id, version, quantity: 2 }),
    ).rejects.toMatchObject({
      messageKey: 'subscriptionDetail.errors.belowAssigned',
      values: { quantity: 2, assigned: 3 },
    });
    expect((await db().subscription.findUniqueOrThrow({ where: { id: subscription.id } })).quantity).toBe(5);
    await changeSubscription(providerAdmin, { subscriptionId: subscription.id, version, quantity: 3 });
    expect((await db().subscription.findUniqueOrThrow({ where: { id: subscription.id } })).quantity).toBe(3);
  });

  it('an assignment and a reduction at once never leave more assigned than the quantity', async () => {
    // Three rounds: without the shared lock the two interleave in most of them.
    for (let round = 0; round < 3; round++) {
      const { customer, admin, subscription, providerAdmin } = await tenant(3);
      const users = await Promise.all([0, 1, 2].map(() => makeUser('CUSTOMER_USER', { customerId: customer.id })));
      for (const user of users.slice(0, 2))
        await assignLicence(admin, { customerId: customer.id, subscriptionId: subscription.id, userId: user.id });
      const version = (await db().subscription.findUniqueOrThrow({ where: { id: subscription.id } })).version;
      await Promise.allSettled([
        assignLicence(admin, { customerId: customer.id, subscriptionId: subscription.id, userId: users[2]!.id }),
        changeSubscription(providerAdmin, { subscriptionId: subscription.id, version, quantity: 2 }),
      ]);
      const after = await db().subscription.findUniqueOrThrow({ where: { id: subscription.id } });
      expect(await db().licenceAssignment.count({ where: { subscriptionId: subscription.id } })).toBeLessThanOrEqual(
        after.quantity,
      );
    }
  });
});
