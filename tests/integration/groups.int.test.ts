import { beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeCtx, makeOrg, makeUser, makeChannel } from '../factories';
import { db } from '@/lib/db';
import { Invalid, NotFound, Refused } from '@/lib/errors';
import { addGroupMember, createGroup, deleteGroup, findGroups, removeGroupMember } from '@/lib/groups/manage-groups';
import { removeUser } from '@/lib/users/disable-user';

beforeEach(resetDatabase);

describe('groups of a partner', () => {
  it('creates a group with a unique name, adds and removes members, deletes it; every change audited', async () => {
    const org = await makeOrg('INDIRECT_RESELLER');
    const admin = await makeCtx('ADMIN', { organizationId: org.id });
    const agent = await makeUser('ADMIN_AGENT', { organizationId: org.id });
    const { groupId } = await createGroup(admin, { name: ' Tier 1 helpdesk ' });
    await expect(createGroup(admin, { name: 'Tier 1 helpdesk' })).rejects.toBeInstanceOf(Invalid);
    await expect(createGroup(admin, { name: 'x'.repeat(51) })).rejects.toBeInstanceOf(Invalid);
    await addGroupMember(admin, { groupId, userId: agent.id });
    expect(await addGroupMember(admin, { groupId, userId: agent.id })).toEqual({ changed: false });
    let [group] = await findGroups(admin);
    expect(group).toMatchObject({ name: 'Tier 1 helpdesk', members: [{ user: { id: agent.id } }] });
    await removeGroupMember(admin, { groupId, userId: agent.id });
    [group] = await findGroups(admin);
    expect(group!.members).toEqual([]);
    await deleteGroup(admin, { groupId });
    expect(await findGroups(admin)).toEqual([]);
    const actions = (
      await db().auditEvent.findMany({ where: { targetType: 'group' }, orderBy: { occurredAt: 'asc' } })
    ).map((e) => e.action);
    expect(actions).toEqual(['group.created', 'group.member_added', 'group.member_removed', 'group.deleted']);
  });

  it("another organisation's group or user is not found; other roles and audiences may not manage groups", async () => {
    const { provider, resellerA, customer } = await makeChannel();
    const admin = await makeCtx('ADMIN', { organizationId: resellerA.id });
    const otherAdmin = await makeCtx('ADMIN', { organizationId: provider.id });
    const { groupId } = await createGroup(admin, { name: 'Helpdesk' });
    const stranger = await makeUser('SALES_AGENT', { organizationId: provider.id });
    await expect(addGroupMember(admin, { groupId, userId: stranger.id })).rejects.toBeInstanceOf(NotFound);
    await expect(addGroupMember(otherAdmin, { groupId, userId: otherAdmin.userId })).rejects.toBeInstanceOf(NotFound);
    await expect(deleteGroup(otherAdmin, { groupId })).rejects.toBeInstanceOf(NotFound);
    expect(await findGroups(otherAdmin)).toEqual([]);
    const agent = await makeCtx('ADMIN_AGENT', { organizationId: resellerA.id });
    await expect(findGroups(agent)).rejects.toBeInstanceOf(Refused);
    const vendor = await makeCtx('VENDOR_ADMIN', { organizationId: (await makeOrg('VENDOR')).id });
    await expect(findGroups(vendor)).rejects.toBeInstanceOf(NotFound);
    const tenantAdmin = await makeCtx('CUSTOMER_ADMIN', { customerId: customer.id });
    await expect(createGroup(tenantAdmin, { name: 'Nope' })).rejects.toBeInstanceOf(Refused);
    expect(await db().userGroup.count()).toBe(1);
  });

  it('a name with a lone UTF-16 surrogate is stored and audited (as U+FFFD), not a server error', async () => {
    const org = await makeOrg('INDIRECT_PROVIDER');
    const admin = await makeCtx('ADMIN', { organizationId: org.id });
    const { groupId } = await createGroup(admin, { name: 'Help\ud800desk' });
    const event = await db().auditEvent.findFirstOrThrow({ where: { targetId: groupId } });
    expect(event.after).toEqual({ name: 'Help\ufffddesk' });
  });

  it('a removed user leaves every group', async () => {
    const org = await makeOrg('INDIRECT_PROVIDER');
    const admin = await makeCtx('ADMIN', { organizationId: org.id });
    const agent = await makeUser('HELPDESK_AGENT', { organizationId: org.id });
    const { groupId } = await createGroup(admin, { name: 'Helpdesk' });
    await addGroupMember(admin, { groupId, userId: agent.id });
    await removeUser(admin, { userId: agent.id });
    expect(await db().groupMember.count({ where: { groupId } })).toBe(0);
  });
});
