import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeChannel, makeCtx, makeOffer, makeSubscription, makeUser } from '../factories';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import { loadCtx } from '@/lib/auth/session';
import { NotFound } from '@/lib/errors';
import { requestRelationship } from '@/lib/admin-relationships/request-relationship';
import { respondToRelationship, terminateRelationship } from '@/lib/admin-relationships/respond-to-relationship';
import { addGroupMember, createGroup } from '@/lib/groups/manage-groups';
import { findPartnerActivity } from '@/lib/tenant/activity';
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
  await db().accessAssignment.create({ data: { relationshipId, groupId, roles } });
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
