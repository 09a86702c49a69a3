import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { generate } from 'otplib';
import { resetDatabase } from '../setup/per-file';
import { makeCtx, makeCustomer, makeOrg, makeUser } from '../factories';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import { loadCtx } from '@/lib/auth/session';
import type { Ctx } from '@/lib/authz/context';
import { Invalid, NotFound, Refused } from '@/lib/errors';
import { runOperation } from '@/lib/pipeline/run';
import { confirmTotp } from '@/lib/mfa/confirm-totp';
import { findSecurityView } from '@/lib/mfa/find-security-view';
import { renewRecoveryCodes } from '@/lib/mfa/renew-recovery-codes';
import { resetUserFactors } from '@/lib/mfa/reset-user-factors';
import { verifySecondFactor } from '@/lib/mfa/second-factor';
import { setRequireMfa } from '@/lib/mfa/set-require-mfa';
import { startTotpSetup } from '@/lib/mfa/start-totp-setup';

const ADDRESS = '203.0.113.7';
const MINUTE = 60_000;

beforeAll(() => {
  // As every portal process has it: TOTP secrets are encrypted under a key derived from it.
  vi.stubEnv('NEXTAUTH_SECRET', 'an-mfa-test-secret-0123456789-0123456789');
});
beforeEach(resetDatabase);
afterEach(() => clock.reset());

/** The authenticator app's code at the portal's time, `steps` 30-second steps later. */
function codeAt(secret: string, steps = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(clock.now().getTime() / 1000) + steps * 30 });
}

/** A user with a confirmed authenticator app: its ctx, secret and recovery codes. */
async function enrolled(ctx: Ctx) {
  await startTotpSetup(ctx);
  const view = await findSecurityView(ctx);
  if (view.totp?.confirmed !== false) throw new Error('no pending secret');
  const { secret } = view.totp;
  const { recoveryCodes } = await confirmTotp(ctx, { code: await codeAt(secret) });
  return { secret, recoveryCodes: recoveryCodes! };
}

async function pendingOf(ctx: Ctx) {
  const user = await db().user.findUniqueOrThrow({ where: { id: ctx.userId }, select: { sessionVersion: true } });
  return { userId: ctx.userId, sessionVersion: user.sessionVersion };
}

describe('authenticator app', () => {
  it('stores the secret encrypted, counts only once confirmed, and gives 10 recovery codes', async () => {
    const org = await makeOrg('INDIRECT_RESELLER');
    const ctx = await makeCtx('SALES_AGENT', { organizationId: org.id });
    await startTotpSetup(ctx);
    const view = await findSecurityView(ctx);
    if (view.totp?.confirmed !== false) throw new Error('no pending secret');
    const row = await db().totpFactor.findUniqueOrThrow({ where: { userId: ctx.userId } });
    expect(row.secretEncrypted).not.toContain(view.totp.secret);
    // Unconfirmed: the code does not sign in.
    const early = await verifySecondFactor(await pendingOf(ctx), { code: await codeAt(view.totp.secret) }, ADDRESS);
    expect(early).toEqual({ failed: true });
    await expect(confirmTotp(ctx, { code: '000000' })).rejects.toBeInstanceOf(Invalid);
    const { recoveryCodes } = await confirmTotp(ctx, { code: await codeAt(view.totp.secret, 1) });
    expect(recoveryCodes).toHaveLength(10);
    expect(await db().recoveryCode.count({ where: { userId: ctx.userId, usedAt: null } })).toBe(10);
    const hashes = await db().recoveryCode.findMany({ where: { userId: ctx.userId }, select: { codeHash: true } });
    expect(hashes.map((h) => h.codeHash)).not.toContain(recoveryCodes![0]);
    expect(await db().auditEvent.count({ where: { action: 'user.mfa.totpAdded', targetId: ctx.userId } })).toBe(1);
    expect(await db().outboxMessage.count({ where: { kind: 'mfa-changed', to: ctx.email } })).toBe(1);
  });

  it('accepts a code once: the step the enrolment used, and any step signed in with, is refused again', async () => {
    const org = await makeOrg('INDIRECT_RESELLER');
    const ctx = await makeCtx('SALES_AGENT', { organizationId: org.id });
    const { secret } = await enrolled(ctx);
    const pending = await pendingOf(ctx);
    expect(await verifySecondFactor(pending, { code: await codeAt(secret) }, ADDRESS)).toEqual({ failed: true });
    clock.advance(30_000);
    const code = await codeAt(secret);
    expect(await verifySecondFactor(pending, { code }, ADDRESS)).toMatchObject({ user: { id: ctx.userId } });
    expect(await verifySecondFactor(pending, { code }, ADDRESS)).toEqual({ failed: true });
  });

  it('counts wrong codes: after 5 in 15 minutes even the right code is refused until the window ends', async () => {
    const org = await makeOrg('INDIRECT_RESELLER');
    const ctx = await makeCtx('SALES_AGENT', { organizationId: org.id });
    const { secret } = await enrolled(ctx);
    const pending = await pendingOf(ctx);
    for (let i = 0; i < 5; i++) {
      expect(await verifySecondFactor(pending, { code: '000000' }, ADDRESS)).toEqual({ failed: true });
    }
    clock.advance(30_000);
    expect(await verifySecondFactor(pending, { code: await codeAt(secret) }, ADDRESS)).toHaveProperty('blocked');
    clock.advance(15 * MINUTE);
    expect(await verifySecondFactor(pending, { code: await codeAt(secret) }, ADDRESS)).toMatchObject({
      user: { id: ctx.userId },
    });
    // A success forgets the failures.
    expect(await db().rateLimit.count({ where: { key: { startsWith: 'mfa:user:' } } })).toBe(0);
  });

  it("refuses a pending sign-in whose session version is no longer the user's (signed out since)", async () => {
    const org = await makeOrg('INDIRECT_RESELLER');
    const ctx = await makeCtx('SALES_AGENT', { organizationId: org.id });
    const { secret } = await enrolled(ctx);
    const pending = await pendingOf(ctx);
    await db().user.update({ where: { id: ctx.userId }, data: { sessionVersion: { increment: 1 } } });
    clock.advance(30_000);
    expect(await verifySecondFactor(pending, { code: await codeAt(secret) }, ADDRESS)).toEqual({ failed: true });
  });
});

describe('recovery codes', () => {
  it('each code signs in once; new codes replace the old ones', async () => {
    const org = await makeOrg('INDIRECT_RESELLER');
    const ctx = await makeCtx('SALES_AGENT', { organizationId: org.id });
    const { recoveryCodes } = await enrolled(ctx);
    const pending = await pendingOf(ctx);
    const [first, second] = recoveryCodes;
    expect(await verifySecondFactor(pending, { code: first!.toUpperCase() }, ADDRESS)).toMatchObject({
      user: { id: ctx.userId },
    });
    expect(await verifySecondFactor(pending, { code: first! }, ADDRESS)).toEqual({ failed: true });
    expect(await findSecurityView(ctx)).toMatchObject({ recoveryCodesLeft: 9 });
    const { recoveryCodes: renewed } = await renewRecoveryCodes(ctx);
    expect(await verifySecondFactor(pending, { code: second! }, ADDRESS)).toEqual({ failed: true });
    expect(await verifySecondFactor(pending, { code: renewed[0]! }, ADDRESS)).toMatchObject({
      user: { id: ctx.userId },
    });
  });

  it('are not given to a user without a factor', async () => {
    const org = await makeOrg('INDIRECT_RESELLER');
    const ctx = await makeCtx('SALES_AGENT', { organizationId: org.id });
    await expect(renewRecoveryCodes(ctx)).rejects.toBeInstanceOf(Refused);
  });
});

describe('resetUserFactors', () => {
  it('removes every factor of a user of the same organisation, ends their sessions, audits and mails', async () => {
    const org = await makeOrg('INDIRECT_RESELLER');
    const admin = await makeCtx('ADMIN', { organizationId: org.id });
    const userCtx = await makeCtx('SALES_AGENT', { organizationId: org.id });
    await enrolled(userCtx);
    const before = await pendingOf(userCtx);
    expect(await loadCtx(userCtx.userId, before.sessionVersion)).not.toBeNull();
    await resetUserFactors(admin, { userId: userCtx.userId });
    expect(await loadCtx(userCtx.userId, before.sessionVersion)).toBeNull();
    expect(await db().totpFactor.count({ where: { userId: userCtx.userId } })).toBe(0);
    expect(await db().recoveryCode.count({ where: { userId: userCtx.userId } })).toBe(0);
    expect(await db().auditEvent.count({ where: { action: 'user.mfa.factorsReset', actorUserId: admin.userId } })).toBe(
      1,
    );
    expect(await db().outboxMessage.count({ where: { kind: 'mfa-changed', to: userCtx.email } })).toBe(2);
  });

  it('a user of another organisation is not found, and nothing changes; a non-admin is refused', async () => {
    const org = await makeOrg('INDIRECT_RESELLER');
    const other = await makeOrg('INDIRECT_RESELLER');
    const admin = await makeCtx('ADMIN', { organizationId: org.id });
    const foreign = await makeCtx('SALES_AGENT', { organizationId: other.id });
    await enrolled(foreign);
    const before = await pendingOf(foreign);
    await expect(resetUserFactors(admin, { userId: foreign.userId })).rejects.toBeInstanceOf(NotFound);
    expect(await loadCtx(foreign.userId, before.sessionVersion)).not.toBeNull();
    expect(await db().totpFactor.count({ where: { userId: foreign.userId } })).toBe(1);
    const agent = await makeCtx('ADMIN_AGENT', { organizationId: org.id });
    const colleague = await makeUser('SALES_AGENT', { organizationId: org.id });
    await expect(resetUserFactors(agent, { userId: colleague.id })).rejects.toBeInstanceOf(Refused);
  });

  it('a customer admin resets a user of the same tenant only', async () => {
    const provider = await makeOrg('INDIRECT_PROVIDER');
    const tenant = await makeCustomer(provider.id);
    const otherTenant = await makeCustomer(provider.id);
    const admin = await makeCtx('CUSTOMER_ADMIN', { customerId: tenant.id });
    const own = await makeUser('CUSTOMER_USER', { customerId: tenant.id });
    const foreign = await makeUser('CUSTOMER_USER', { customerId: otherTenant.id });
    await resetUserFactors(admin, { userId: own.id });
    await expect(resetUserFactors(admin, { userId: foreign.id })).rejects.toBeInstanceOf(NotFound);
  });
});

describe('Require multi-factor sign-in', () => {
  const anyWrite = { permission: 'home.read' as const, run: async () => 'ran' };
  const enrolment = { ...anyWrite, allowDuringMfaEnrolment: true };

  it('sends a user without a factor to enrolment only, until a factor is confirmed', async () => {
    const org = await makeOrg('INDIRECT_RESELLER');
    const admin = await makeCtx('ADMIN', { organizationId: org.id });
    await enrolled(admin);
    const user = await makeUser('SALES_AGENT', { organizationId: org.id });
    expect((await loadCtx(user.id, user.sessionVersion))!.mustEnrolMfa).toBe(false);

    await setRequireMfa(admin, { requireMfa: true });
    expect(await db().auditEvent.count({ where: { action: 'mfa.required', targetId: org.id } })).toBe(1);
    expect((await loadCtx(admin.userId, (await pendingOf(admin)).sessionVersion))!.mustEnrolMfa).toBe(false);
    const gated = (await loadCtx(user.id, user.sessionVersion))!;
    expect(gated.mustEnrolMfa).toBe(true);
    await expect(runOperation(anyWrite, gated, {})).rejects.toMatchObject({ messageKey: 'errors.mustEnrolMfa' });
    expect(await runOperation(enrolment, gated, {})).toBe('ran');

    await enrolled(gated);
    const through = (await loadCtx(user.id, user.sessionVersion))!;
    expect(through.mustEnrolMfa).toBe(false);
    expect(await runOperation(anyWrite, through, {})).toBe('ran');

    await setRequireMfa(admin, { requireMfa: false });
    const other = await makeUser('SALES_AGENT', { organizationId: org.id });
    expect((await loadCtx(other.id, other.sessionVersion))!.mustEnrolMfa).toBe(false);
  });

  it('holds for one organisation only; a tenant keeps its own setting; only admins may set it', async () => {
    const org = await makeOrg('INDIRECT_RESELLER');
    const other = await makeOrg('INDIRECT_RESELLER');
    const provider = await makeOrg('INDIRECT_PROVIDER');
    const tenant = await makeCustomer(provider.id);
    const outsider = await makeUser('SALES_AGENT', { organizationId: other.id });
    const customerUser = await makeUser('CUSTOMER_USER', { customerId: tenant.id });
    await setRequireMfa(await makeCtx('ADMIN', { organizationId: org.id }), { requireMfa: true });
    expect((await loadCtx(outsider.id, outsider.sessionVersion))!.mustEnrolMfa).toBe(false);
    expect((await loadCtx(customerUser.id, customerUser.sessionVersion))!.mustEnrolMfa).toBe(false);

    await setRequireMfa(await makeCtx('CUSTOMER_ADMIN', { customerId: tenant.id }), { requireMfa: true });
    expect(await db().customer.findUniqueOrThrow({ where: { id: tenant.id } })).toMatchObject({ requireMfa: true });
    expect((await loadCtx(customerUser.id, customerUser.sessionVersion))!.mustEnrolMfa).toBe(true);

    for (const role of ['SALES_AGENT', 'ADMIN_AGENT', 'HELPDESK_AGENT'] as const) {
      const ctx = await makeCtx(role, { organizationId: other.id });
      await expect(setRequireMfa(ctx, { requireMfa: true })).rejects.toBeInstanceOf(Refused);
    }
    await expect(
      setRequireMfa(await makeCtx('CUSTOMER_USER', { customerId: tenant.id }), { requireMfa: false }),
    ).rejects.toBeInstanceOf(Refused);
    expect(await db().organization.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({
      requireMfa: false,
    });
  });

  it('always holds for vendor staff but the demo accounts, and is no setting of the vendor', async () => {
    const vendor = await makeOrg('VENDOR');
    const staff = await makeCtx('VENDOR_ADMIN', { organizationId: vendor.id });
    expect(staff.mustEnrolMfa).toBe(true);
    await expect(runOperation(anyWrite, staff, {})).rejects.toMatchObject({ messageKey: 'errors.mustEnrolMfa' });
    expect((await findSecurityView(staff)).requireMfa).toBeNull();
    await expect(setRequireMfa(staff, { requireMfa: false })).rejects.toBeInstanceOf(NotFound);
    await enrolled(staff);
    expect((await loadCtx(staff.userId, (await pendingOf(staff)).sessionVersion))!.mustEnrolMfa).toBe(false);

    const demo = await makeUser('VENDOR_ADMIN', { organizationId: vendor.id });
    await db().user.update({ where: { id: demo.id }, data: { demoAccount: true } });
    expect((await loadCtx(demo.id, demo.sessionVersion))!.mustEnrolMfa).toBe(false);
    // A demo account elsewhere still follows its organisation's setting.
    const org = await makeOrg('INDIRECT_RESELLER');
    const partnerDemo = await makeUser('SALES_AGENT', { organizationId: org.id });
    await db().user.update({ where: { id: partnerDemo.id }, data: { demoAccount: true } });
    await setRequireMfa(await makeCtx('ADMIN', { organizationId: org.id }), { requireMfa: true });
    expect((await loadCtx(partnerDemo.id, partnerDemo.sessionVersion))!.mustEnrolMfa).toBe(true);
  });
});
