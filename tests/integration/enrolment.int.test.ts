import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeOrg, makeUser } from '../factories';
import { counts, fieldErrors, form, PASSWORD } from './enrolment-helpers';
import { db } from '@/lib/db';
import { loadCtx } from '@/lib/auth/session';
import { verifyCredentials } from '@/lib/users/verify-credentials';
import { findCustomers } from '@/lib/customers/find-customers';
import { enrolReseller } from '@/lib/organizations/enrol-reseller';
import type { EnrolResellerInput } from '@/lib/organizations/schemas';
import { Invalid, Refused } from '@/lib/errors';

// Approving and suspending partners: partner-status.int.test.ts.
beforeEach(resetDatabase);

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
