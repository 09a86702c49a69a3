import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeChannel, makeCtx, makeOffer, makeSubscription, makeUser } from '../factories';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import { loadCtx } from '@/lib/auth/session';
import { Invalid, NotFound, Refused } from '@/lib/errors';
import { requestRelationship } from '@/lib/admin-relationships/request-relationship';
import { respondToRelationship, terminateRelationship } from '@/lib/admin-relationships/respond-to-relationship';
import { addGroupMember, createGroup } from '@/lib/groups/manage-groups';
import { assignGroup } from '@/lib/admin-relationships/assign-group';
import { findPartnerActivity } from '@/lib/tenant/activity';
import { sendDueNotices } from '@/lib/admin-relationships/send-notices';
import { assignLicence, findTenantLicences } from '@/lib/tenant/licences';
import {
  addTenantUser,
  findTenantUsers,
  resetTenantUserPassword,
  setTenantUserEnabled,
} from '@/lib/tenant/tenant-users';

const DAY = 24 * 3600_000;
beforeEach(resetDatabase);
afterEach(() => clock.reset());

type Role =
  'GLOBAL_READER' | 'USER_ADMINISTRATOR' | 'HELPDESK_ADMINISTRATOR' | 'LICENSE_ADMINISTRATOR' | 'GLOBAL_ADMINISTRATOR';

/** A reseller with an approved relationship (roles) with its customer, assigned to a group holding `agent`. */
async function delegated(roles: Role[], durationDays = 30) {
  const channel = await makeChannel();
  const { customer, resellerA, provider } = channel;
  const resellerAdmin = await makeCtx('ADMIN', { organizationId: resellerA.id });
  const agent = await makeCtx('ADMIN_AGENT', { organizationId: resellerA.id });
  const outsider = await makeCtx('SALES_AGENT', { organizationId: resellerA.id });
  const tenantAdmin = await makeCtx('CUSTOMER_ADMIN', { customerId: customer.id });
  const tenantUser = await makeUser('CUSTOMER_USER', { customerId: customer.id });
  const { relationshipId } = await requestRelationship(resellerAdmin, {
    customerId: customer.id,
    name: 'Helpdesk',
    durationDays,
    roles,
    autoExtend: 'off',
    baseUrl: 'https://portal.test',
  });
  await respondToRelationship(tenantAdmin, { relationshipId, decision: 'approve' });
  const { groupId } = await createGroup(resellerAdmin, { name: 'Tier 1' });
  await addGroupMember(resellerAdmin, { groupId, userId: agent.userId });
  await assignGroup(resellerAdmin, { relationshipId, groupId, roles });
  const offer = await makeOffer();
  const subscription = await makeSubscription(customer.id, provider.id, offer.id, 5);
  return { ...channel, resellerAdmin, agent, outsider, tenantAdmin, tenantUser, relationshipId, subscription };
}

describe('delegated access to a tenant', () => {
  it('a User Administrator in the group resets a non-admin password; the customer sees it in Partner activity', async () => {
    const { customer, agent, tenantAdmin, tenantUser } = await delegated([
      'USER_ADMINISTRATOR',
      'LICENSE_ADMINISTRATOR',
    ]);
    const reset = await resetTenantUserPassword(agent, { customerId: customer.id, userId: tenantUser.id });
    expect(reset.temporaryPassword).toHaveLength(18);
    expect(await loadCtx(tenantUser.id, tenantUser.sessionVersion)).toBeNull();
    const [activity] = await findPartnerActivity(tenantAdmin);
    expect(activity).toMatchObject({
      action: 'tenant_user.password_reset',
      role: 'USER_ADMINISTRATOR',
      user: { id: agent.userId },
      relationship: { name: 'Helpdesk' },
      targetId: tenantUser.id,
    });
    // The partner's own audit log has it too.
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: 'tenant_user.password_reset' } });
    expect(audit.orgIds).toContain(agent.orgId);
    // Not the tenant's admins: that takes Global Administrator.
    await expect(
      resetTenantUserPassword(agent, { customerId: customer.id, userId: tenantAdmin.userId }),
    ).rejects.toBeInstanceOf(NotFound);
    await expect(
      addTenantUser(agent, { customerId: customer.id, email: 'boss@t.example', name: 'Boss', role: 'CUSTOMER_ADMIN' }),
    ).rejects.toBeInstanceOf(NotFound);
  });

  it('a user outside the group, or with a role that does not allow it, gets NotFound', async () => {
    const { customer, outsider, resellerAdmin } = await delegated(['USER_ADMINISTRATOR']);
    await expect(findTenantUsers(outsider, { customerId: customer.id })).rejects.toBeInstanceOf(NotFound);
    await expect(findTenantUsers(resellerAdmin, { customerId: customer.id })).rejects.toBeInstanceOf(NotFound);
    const reader = await delegated(['GLOBAL_READER']);
    expect((await findTenantUsers(reader.agent, { customerId: reader.customer.id })).users.length).toBeGreaterThan(0);
    await expect(
      resetTenantUserPassword(reader.agent, { customerId: reader.customer.id, userId: reader.tenantUser.id }),
    ).rejects.toBeInstanceOf(NotFound);
    await expect(
      assignLicence(reader.agent, {
        customerId: reader.customer.id,
        subscriptionId: reader.subscription.id,
        userId: reader.tenantUser.id,
      }),
    ).rejects.toBeInstanceOf(NotFound);
  });

  it('Helpdesk resets only; License Administrator assigns licences; Global Administrator manages admins too', async () => {
    const helpdesk = await delegated(['HELPDESK_ADMINISTRATOR']);
    await resetTenantUserPassword(helpdesk.agent, { customerId: helpdesk.customer.id, userId: helpdesk.tenantUser.id });
    await expect(
      setTenantUserEnabled(helpdesk.agent, {
        customerId: helpdesk.customer.id,
        userId: helpdesk.tenantUser.id,
        enabled: 'false',
      }),
    ).rejects.toBeInstanceOf(NotFound);
    const licences = await delegated(['LICENSE_ADMINISTRATOR']);
    await assignLicence(licences.agent, {
      customerId: licences.customer.id,
      subscriptionId: licences.subscription.id,
      userId: licences.tenantUser.id,
    });
    expect(
      (await findTenantLicences(licences.agent, { customerId: licences.customer.id })).subscriptions[0]!.assigned,
    ).toHaveLength(1);
    const global = await delegated(['GLOBAL_ADMINISTRATOR']);
    await resetTenantUserPassword(global.agent, { customerId: global.customer.id, userId: global.tenantAdmin.userId });
  });

  it('access ends when the relationship expires or is terminated, with no job run', async () => {
    const { customer, agent, relationshipId, tenantAdmin } = await delegated(['USER_ADMINISTRATOR'], 5);
    await findTenantUsers(agent, { customerId: customer.id });
    clock.advance(5 * DAY);
    await expect(findTenantUsers(agent, { customerId: customer.id })).rejects.toBeInstanceOf(NotFound);
    clock.reset();
    await findTenantUsers(agent, { customerId: customer.id });
    await terminateRelationship(tenantAdmin, { relationshipId });
    await expect(findTenantUsers(agent, { customerId: customer.id })).rejects.toBeInstanceOf(NotFound);
  });
});

describe('access assignments', () => {
  it("a group holds only the relationship's roles; no roles removes it; another partner's group is not found", async () => {
    const { customer, agent, resellerAdmin, relationshipId, provider } = await delegated(['USER_ADMINISTRATOR']);
    const { groupId } = await createGroup(resellerAdmin, { name: 'Tier 2' });
    await expect(
      assignGroup(resellerAdmin, { relationshipId, groupId, roles: ['GLOBAL_ADMINISTRATOR'] }),
    ).rejects.toBeInstanceOf(Invalid);
    const tier1 = (await db().userGroup.findFirstOrThrow({ where: { name: 'Tier 1' } })).id;
    await assignGroup(resellerAdmin, { relationshipId, groupId: tier1, roles: [] });
    await expect(findTenantUsers(agent, { customerId: customer.id })).rejects.toBeInstanceOf(NotFound);
    const providerAdmin = await makeCtx('ADMIN', { organizationId: provider.id });
    const { groupId: theirs } = await createGroup(providerAdmin, { name: 'Provider group' });
    await expect(
      assignGroup(resellerAdmin, { relationshipId, groupId: theirs, roles: ['USER_ADMINISTRATOR'] }),
    ).rejects.toBeInstanceOf(NotFound);
    await expect(
      assignGroup(providerAdmin, { relationshipId, groupId: theirs, roles: ['USER_ADMINISTRATOR'] }),
    ).rejects.toBeInstanceOf(NotFound);
    await expect(assignGroup(agent, { relationshipId, groupId, roles: [] })).rejects.toBeInstanceOf(Refused);
  });
});

describe('expiry notices', () => {
  it('the 7-day and 1-day notices go out once each, to both sides, as the clock passes them', async () => {
    const { relationshipId, tenantAdmin, resellerAdmin } = await delegated(['GLOBAL_READER'], 5);
    const notices = () =>
      db().outboxMessage.findMany({ where: { kind: 'admin-relationship-expiring' }, orderBy: { createdAt: 'asc' } });
    expect(await sendDueNotices()).toBe(1); // 5 days left: the 7-day notice (not the 30-day one too)
    expect(await sendDueNotices()).toBe(0);
    expect((await notices()).map((m) => m.to).sort()).toEqual([resellerAdmin.email, tenantAdmin.email].sort());
    clock.advance(4 * DAY + 3600_000); // 23 hours left
    await Promise.all([sendDueNotices(), sendDueNotices()]);
    expect(await sendDueNotices()).toBe(0);
    const sent = await notices();
    expect(sent).toHaveLength(4);
    expect(sent.filter((m) => m.subject.includes('1 day'))).toHaveLength(2);
    expect(sent.filter((m) => m.subject.includes('7 days'))).toHaveLength(2);
    clock.advance(DAY);
    expect(await sendDueNotices()).toBe(0); // expired: nothing more
    expect(await db().adminRelationshipNotice.count({ where: { relationshipId } })).toBe(3);
  });
});
