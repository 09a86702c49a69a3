import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeCtx, makeOrg, makeUser } from '../factories';
import { db } from '@/lib/db';
import { loadCtx } from '@/lib/auth/session';
import { verifyCredentials } from '@/lib/users/verify-credentials';
import { findCustomers } from '@/lib/customers/find-customers';
import { enrolReseller } from '@/lib/organizations/enrol-reseller';
import { setPartnerStatus } from '@/lib/organizations/set-partner-status';
import type { EnrolResellerInput } from '@/lib/organizations/schemas';
import { Invalid, NotFound, Refused } from '@/lib/errors';

beforeEach(resetDatabase);

const PASSWORD = 'Enrol-Passw0rd-1';
let n = 0;
function form(overrides: Partial<EnrolResellerInput> = {}): EnrolResellerInput {
  n += 1;
  return {
    companyName: `Contoso ${n}`,
    mpnId: String(6_100_000 + n),
    country: 'JP',
    adminName: 'Kei Admin',
    email: `kei${n}@contoso.example`,
    password: PASSWORD,
    confirmPassword: PASSWORD,
    ...overrides,
  };
}

async function counts() {
  const [orgs, users, audits] = await Promise.all([
    db().organization.count(),
    db().user.count(),
    db().auditEvent.count(),
  ]);
  return { orgs, users, audits };
}

async function fieldErrors(promise: Promise<unknown>): Promise<Invalid['fieldErrors']> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Invalid);
  return (error as Invalid).fieldErrors;
}

async function vendorCtx() {
  const vendor = await makeOrg('VENDOR');
  return makeCtx('VENDOR_ADMIN', { organizationId: vendor.id });
}

describe('reseller enrolment', () => {
  it('creates a PENDING indirect reseller and its ADMIN user with a hashed, lower-cased login', async () => {
    const input = form({ email: '  Kei.Admin@Contoso.EXAMPLE ', companyName: '  Contoso Japan  ' });
    const result = await enrolReseller(input);
    const org = await db().organization.findUniqueOrThrow({ where: { id: result.organizationId } });
    expect(org).toMatchObject({
      kind: 'INDIRECT_RESELLER',
      status: 'PENDING',
      legalName: 'Contoso Japan',
      mpnId: input.mpnId,
      country: 'JP',
    });
    const user = await db().user.findUniqueOrThrow({
      where: { email: 'kei.admin@contoso.example' },
      select: { role: true, organizationId: true, passwordHash: true, mustChangePassword: true },
    });
    expect(user).toMatchObject({ role: 'ADMIN', organizationId: org.id, mustChangePassword: false });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain(PASSWORD);
    expect(await verifyCredentials({ email: 'KEI.ADMIN@contoso.example', password: PASSWORD })).not.toBeNull();
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: 'partner.enrolled', targetId: org.id } });
    expect(audit.orgIds).toContain(org.id);
    expect(JSON.stringify(audit.after)).not.toContain(PASSWORD);
  });

  it('refuses an MPN ID that is already enrolled, and creates nothing', async () => {
    const first = form();
    await enrolReseller(first);
    const before = await counts();
    expect(await fieldErrors(enrolReseller(form({ mpnId: first.mpnId })))).toEqual({
      mpnId: ['enrol.errors.mpnIdTaken'],
    });
    expect(await counts()).toEqual(before);
  });

  it('refuses an email that already has an account, whatever its case, and creates nothing', async () => {
    const provider = await makeOrg('INDIRECT_PROVIDER');
    const existing = await makeUser('ADMIN', { organizationId: provider.id });
    const before = await counts();
    expect(await fieldErrors(enrolReseller(form({ email: existing.email.toUpperCase() })))).toEqual({
      email: ['enrol.errors.emailTaken'],
    });
    expect(await counts()).toEqual(before);
  });

  it('refuses the MPN ID of a provider too (unique among partners)', async () => {
    const provider = await makeOrg('INDIRECT_PROVIDER');
    expect(await fieldErrors(enrolReseller(form({ mpnId: provider.mpnId! })))).toHaveProperty('mpnId');
  });

  it('a duplicate that slips past the check (a race) is refused by the unique index, with a field error', async () => {
    const first = form();
    await enrolReseller(first);
    const before = await counts();
    // Both checks answer "free", as they would for two enrolments in flight at once.
    const orgSpy = vi.spyOn(db().organization, 'findUnique').mockResolvedValueOnce(null as never);
    const userSpy = vi.spyOn(db().user, 'findUnique').mockResolvedValueOnce(null as never);
    try {
      expect(await fieldErrors(enrolReseller(form({ mpnId: first.mpnId })))).toEqual({
        mpnId: ['enrol.errors.mpnIdTaken'],
      });
    } finally {
      orgSpy.mockRestore();
      userSpy.mockRestore();
    }
    expect(await counts()).toEqual(before);
  });

  it('two simultaneous enrolments with the same MPN ID create one reseller', async () => {
    const a = form();
    const b = form({ mpnId: a.mpnId });
    const results = await Promise.allSettled([enrolReseller(a), enrolReseller(b)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(Invalid);
    expect(await db().organization.count({ where: { mpnId: a.mpnId } })).toBe(1);
    expect(await db().user.count()).toBe(1);
  });

  it('refuses invalid input field by field, and creates nothing', async () => {
    const cases: [Partial<EnrolResellerInput>, string][] = [
      [{ mpnId: '12345' }, 'mpnId'],
      [{ mpnId: '12345678' }, 'mpnId'],
      [{ mpnId: '12a4567' }, 'mpnId'],
      [{ companyName: '   ' }, 'companyName'],
      [{ adminName: '' }, 'adminName'],
      [{ country: 'XX' }, 'country'],
      [{ email: 'not-an-email' }, 'email'],
      [{ password: 'short1', confirmPassword: 'short1' }, 'password'],
      [{ password: 'no-digits-in-here', confirmPassword: 'no-digits-in-here' }, 'password'],
      [{ confirmPassword: 'Something-else-1' }, 'confirmPassword'],
    ];
    for (const [overrides, field] of cases) {
      expect(Object.keys(await fieldErrors(enrolReseller(form(overrides)))), JSON.stringify(overrides)).toContain(
        field,
      );
    }
    expect(await counts()).toEqual({ orgs: 0, users: 0, audits: 0 });
  });

  it('R2: a pending reseller’s user signs in but is refused partner work (findCustomers)', async () => {
    const input = form();
    await enrolReseller(input);
    const signedIn = await verifyCredentials({ email: input.email, password: PASSWORD });
    expect(signedIn).not.toBeNull();
    const ctx = (await loadCtx(signedIn!.id, signedIn!.sessionVersion))!;
    expect(ctx).toMatchObject({ orgStatus: 'PENDING', role: 'ADMIN', orgKind: 'INDIRECT_RESELLER' });
    await expect(findCustomers(ctx, {})).rejects.toBeInstanceOf(Refused);
  });
});

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
    await expect(setPartnerStatus(vendor, { orgId: reseller.id, status: 'PENDING' as never })).rejects.toThrow();
    expect((await db().organization.findUniqueOrThrow({ where: { id: organizationId } })).status).toBe('PENDING');
    expect((await db().organization.findUniqueOrThrow({ where: { id: reseller.id } })).status).toBe('ACTIVE');
  });
});
