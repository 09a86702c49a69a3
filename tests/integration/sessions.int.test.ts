import { beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { PASSWORD, makeCtx, makeOrg, makeUser } from '../factories';
import { db } from '@/lib/db';
import { loadCtx } from '@/lib/auth/session';
import { verifyCredentials } from '@/lib/users/verify-credentials';
import { changePassword } from '@/lib/users/change-password';
import { disableUser } from '@/lib/users/disable-user';
import { endSessions } from '@/lib/users/end-sessions';
import { Invalid, NotFound, Refused } from '@/lib/errors';

beforeEach(resetDatabase);

describe('sign-in', () => {
  it('accepts the right password, case-insensitively on the email', async () => {
    const org = await makeOrg('INDIRECT_PROVIDER');
    const user = await makeUser('ADMIN', { organizationId: org.id });
    expect(await verifyCredentials({ email: user.email.toUpperCase(), password: PASSWORD })).toMatchObject({
      id: user.id,
    });
    const after = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.lastSignInAt).not.toBeNull();
  });

  it('answers the same null for a wrong password, an unknown email and a disabled user', async () => {
    const org = await makeOrg('INDIRECT_PROVIDER');
    const user = await makeUser('ADMIN', { organizationId: org.id });
    expect(await verifyCredentials({ email: user.email, password: 'wrong-password-1' })).toBeNull();
    expect(await verifyCredentials({ email: 'nobody@test.example', password: PASSWORD })).toBeNull();
    await db().user.update({ where: { id: user.id }, data: { disabled: true } });
    expect(await verifyCredentials({ email: user.email, password: PASSWORD })).toBeNull();
    expect(await verifyCredentials({ email: 'not an email', password: PASSWORD })).toBeNull();
  });

  it('never selects the password hash unless asked', async () => {
    const org = await makeOrg('INDIRECT_PROVIDER');
    const user = await makeUser('ADMIN', { organizationId: org.id });
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).not.toHaveProperty('passwordHash');
  });
});

describe('ending sessions', () => {
  it('signing out (endSessions) makes the old token version invalid', async () => {
    const org = await makeOrg('INDIRECT_RESELLER');
    const user = await makeUser('ADMIN', { organizationId: org.id });
    expect(await loadCtx(user.id, user.sessionVersion)).not.toBeNull();
    await endSessions(user.id);
    expect(await loadCtx(user.id, user.sessionVersion)).toBeNull();
    expect(await loadCtx(user.id, user.sessionVersion + 1)).not.toBeNull();
  });

  it('changing the password ends sessions, clears the forced change and queues a notice', async () => {
    const org = await makeOrg('INDIRECT_PROVIDER');
    const user = await makeUser('ADMIN', { organizationId: org.id }, { mustChangePassword: true });
    const ctx = (await loadCtx(user.id, user.sessionVersion))!;
    expect(ctx.mustChangePassword).toBe(true);
    const next = 'Brand-new-passw0rd';
    await changePassword(ctx, { currentPassword: PASSWORD, newPassword: next, confirmPassword: next });
    expect(await loadCtx(user.id, user.sessionVersion)).toBeNull();
    const fresh = await loadCtx(user.id, user.sessionVersion + 1);
    expect(fresh?.mustChangePassword).toBe(false);
    expect(await verifyCredentials({ email: user.email, password: next })).not.toBeNull();
    expect(await verifyCredentials({ email: user.email, password: PASSWORD })).toBeNull();
    expect(await db().outboxMessage.count({ where: { to: user.email, kind: 'password-changed' } })).toBe(1);
    const [mail] = await db().outboxMessage.findMany({ where: { to: user.email } });
    expect(mail?.text).not.toContain(next);
  });

  it('a wrong current password changes nothing', async () => {
    const org = await makeOrg('INDIRECT_PROVIDER');
    const user = await makeUser('ADMIN', { organizationId: org.id });
    const ctx = (await loadCtx(user.id, user.sessionVersion))!;
    const next = 'Brand-new-passw0rd';
    await expect(
      changePassword(ctx, { currentPassword: 'Wrong-passw0rd!', newPassword: next, confirmPassword: next }),
    ).rejects.toBeInstanceOf(Invalid);
    expect(await loadCtx(user.id, user.sessionVersion)).not.toBeNull();
    expect(await verifyCredentials({ email: user.email, password: PASSWORD })).not.toBeNull();
    expect(await db().outboxMessage.count()).toBe(0);
  });

  it('disabling a user ends its sessions at once', async () => {
    const org = await makeOrg('INDIRECT_PROVIDER');
    const admin = await makeCtx('ADMIN', { organizationId: org.id });
    const agent = await makeUser('SALES_AGENT', { organizationId: org.id });
    await disableUser(admin, { userId: agent.id });
    expect(await loadCtx(agent.id, agent.sessionVersion)).toBeNull();
    expect(await db().auditEvent.count({ where: { action: 'user.disabled', targetId: agent.id } })).toBe(1);
  });

  it('an admin cannot disable a user of another organisation, and an agent cannot disable anyone', async () => {
    const org = await makeOrg('INDIRECT_PROVIDER');
    const otherOrg = await makeOrg('INDIRECT_PROVIDER');
    const admin = await makeCtx('ADMIN', { organizationId: org.id });
    const agentCtx = await makeCtx('ADMIN_AGENT', { organizationId: org.id });
    const stranger = await makeUser('ADMIN', { organizationId: otherOrg.id });
    const colleague = await makeUser('SALES_AGENT', { organizationId: org.id });
    await expect(disableUser(admin, { userId: stranger.id })).rejects.toBeInstanceOf(NotFound);
    await expect(disableUser(agentCtx, { userId: colleague.id })).rejects.toBeInstanceOf(Refused);
    expect(await loadCtx(stranger.id, stranger.sessionVersion)).not.toBeNull();
    expect(await loadCtx(colleague.id, colleague.sessionVersion)).not.toBeNull();
  });
});
