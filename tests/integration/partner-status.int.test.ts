import { beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeCtx, makeOrg, makeUser } from '../factories';
import { counts, form, vendorCtx } from './enrolment-helpers';
import { db } from '@/lib/db';
import { loadCtx } from '@/lib/auth/session';
import { findCustomers } from '@/lib/customers/find-customers';
import { enrolReseller } from '@/lib/organizations/enrol-reseller';
import { setPartnerStatus } from '@/lib/organizations/set-partner-status';
import { Invalid, NotFound, Refused } from '@/lib/errors';

// Vendor staff approve and suspend partners (R2); enrolment itself: enrolment.int.test.ts.
beforeEach(resetDatabase);

describe('approving and suspending partners', () => {
  it('vendor staff approve a pending reseller; its users can work from the next request on', async () => {
    const input = form();
    const { organizationId } = await enrolReseller(input);
    const vendor = await vendorCtx();
    expect(await setPartnerStatus(vendor, { orgId: organizationId, status: 'ACTIVE' })).toMatchObject({
      status: 'ACTIVE',
      changed: true,
    });
    expect((await db().organization.findUniqueOrThrow({ where: { id: organizationId } })).status).toBe('ACTIVE');
    const audit = await db().auditEvent.findFirstOrThrow({
      where: { action: 'partner.approved', targetId: organizationId },
    });
    expect(audit).toMatchObject({
      actorUserId: vendor.userId,
      before: { status: 'PENDING' },
      after: { status: 'ACTIVE' },
    });
    expect(audit.orgIds).toEqual(expect.arrayContaining([vendor.orgId, organizationId]));

    const user = await db().user.findUniqueOrThrow({ where: { email: input.email } });
    const ctx = (await loadCtx(user.id, user.sessionVersion))!;
    expect((await findCustomers(ctx, {})).rows).toEqual([]);
  });

  it('vendor staff suspend a partner (its users still sign in, but are refused) and approve it again', async () => {
    const reseller = await makeOrg('INDIRECT_RESELLER');
    const admin = await makeUser('ADMIN', { organizationId: reseller.id });
    const vendor = await vendorCtx();
    await setPartnerStatus(vendor, { orgId: reseller.id, status: 'SUSPENDED' });
    expect(await db().auditEvent.count({ where: { action: 'partner.suspended', targetId: reseller.id } })).toBe(1);
    const suspended = (await loadCtx(admin.id, admin.sessionVersion))!;
    expect(suspended.orgStatus).toBe('SUSPENDED');
    await expect(findCustomers(suspended, {})).rejects.toBeInstanceOf(Refused);

    await setPartnerStatus(vendor, { orgId: reseller.id, status: 'ACTIVE' });
    expect((await loadCtx(admin.id, admin.sessionVersion))!.orgStatus).toBe('ACTIVE');
    expect(await db().auditEvent.count({ where: { action: 'partner.approved', targetId: reseller.id } })).toBe(1);
  });

  it('setting the status a partner already has changes and records nothing', async () => {
    const reseller = await makeOrg('INDIRECT_RESELLER');
    const vendor = await vendorCtx();
    expect(await setPartnerStatus(vendor, { orgId: reseller.id, status: 'ACTIVE' })).toMatchObject({ changed: false });
    expect(await db().auditEvent.count()).toBe(0);
  });

  it('only vendor staff may: a provider admin and a pending reseller’s own admin are refused and nothing changes', async () => {
    const { organizationId } = await enrolReseller(form());
    const pendingAdmin = await db().user.findFirstOrThrow({ where: { organizationId } });
    const pendingCtx = (await loadCtx(pendingAdmin.id, pendingAdmin.sessionVersion))!;
    const provider = await makeOrg('INDIRECT_PROVIDER');
    const providerCtx = await makeCtx('ADMIN', { organizationId: provider.id });
    const active = await makeOrg('INDIRECT_RESELLER');
    const before = await counts();

    await expect(setPartnerStatus(pendingCtx, { orgId: organizationId, status: 'ACTIVE' })).rejects.toBeInstanceOf(
      Refused,
    );
    await expect(setPartnerStatus(providerCtx, { orgId: organizationId, status: 'ACTIVE' })).rejects.toBeInstanceOf(
      Refused,
    );
    await expect(setPartnerStatus(providerCtx, { orgId: active.id, status: 'SUSPENDED' })).rejects.toBeInstanceOf(
      Refused,
    );
    await expect(setPartnerStatus(providerCtx, { orgId: provider.id, status: 'SUSPENDED' })).rejects.toBeInstanceOf(
      Refused,
    );
    expect((await db().organization.findUniqueOrThrow({ where: { id: organizationId } })).status).toBe('PENDING');
    expect((await db().organization.findUniqueOrThrow({ where: { id: active.id } })).status).toBe('ACTIVE');
    expect((await db().organization.findUniqueOrThrow({ where: { id: provider.id } })).status).toBe('ACTIVE');
    expect(await counts()).toEqual(before);
  });

  it('the vendor organisation and unknown ids are not partners: not found', async () => {
    const vendor = await vendorCtx();
    await expect(setPartnerStatus(vendor, { orgId: vendor.orgId!, status: 'SUSPENDED' })).rejects.toBeInstanceOf(
      NotFound,
    );
    await expect(setPartnerStatus(vendor, { orgId: 'no-such-org', status: 'ACTIVE' })).rejects.toBeInstanceOf(NotFound);
    expect((await db().organization.findUniqueOrThrow({ where: { id: vendor.orgId! } })).status).toBe('ACTIVE');
  });

  it('refuses a status other than approve or suspend', async () => {
    const { organizationId } = await enrolReseller(form());
    const reseller = await makeOrg('INDIRECT_RESELLER');
    const vendor = await vendorCtx();
    await expect(setPartnerStatus(vendor, { orgId: reseller.id, status: 'PENDING' as never })).rejects.toBeInstanceOf(
      Invalid,
    );
    expect((await db().organization.findUniqueOrThrow({ where: { id: organizationId } })).status).toBe('PENDING');
    expect((await db().organization.findUniqueOrThrow({ where: { id: reseller.id } })).status).toBe('ACTIVE');
  });
});
