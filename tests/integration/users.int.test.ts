import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { PASSWORD, makeCtx, makeOrg, makeUser } from '../factories';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import { loadCtx } from '@/lib/auth/session';
import { Invalid, NotFound, Refused } from '@/lib/errors';
import { addUser } from '@/lib/users/add-user';
import { changeUserRole } from '@/lib/users/change-user-role';
import { disableUser, enableUser, removeUser } from '@/lib/users/disable-user';
import { findUsers } from '@/lib/users/find-users';
import { setPasswordWithLink, viewUserLink } from '@/lib/users/join';
import { resendUserInvitation, revokeUserInvitation } from '@/lib/users/manage-invitation';
import { requestPasswordReset } from '@/lib/users/request-password-reset';
import { verifyCredentials } from '@/lib/users/verify-credentials';

const BASE = 'https://portal.test';
const NEW_PASSWORD = 'Joined-passw0rd!';

beforeEach(resetDatabase);
afterEach(() => clock.reset());

/** The token of the last link mailed to `to` (its path starts with `path`). */
async function mailedToken(to: string, path: '/join/' | '/reset-password/'): Promise<string> {
  const mails = await db().outboxMessage.findMany({ where: { to }, orderBy: { createdAt: 'desc' } });
  const match = mails.map((m) => new RegExp(`${BASE}${path}([A-Za-z0-9_-]+)`).exec(m.text)).find(Boolean);
  if (!match) throw new Error(`no ${path} link mailed to ${to}`);
  return match[1]!;
}

async function providerAdmin() {
  const org = await makeOrg('INDIRECT_PROVIDER');
  const admin = await makeCtx('ADMIN', { organizationId: org.id });
  return { org, admin };
}

describe('adding a user', () => {
  it('creates an invited user who cannot sign in until the mailed link sets a password, once', async () => {
    const { org, admin } = await providerAdmin();
    const { userId } = await addUser(admin, {
      email: ' NewAgent@Test.example ',
      name: 'New Agent',
      role: 'ADMIN_AGENT',
      baseUrl: BASE,
    });
    const user = await db().user.findUniqueOrThrow({ where: { id: userId } });
    expect(user).toMatchObject({ email: 'newagent@test.example', organizationId: org.id, invitationPending: true });
    const { users } = await findUsers(admin);
    expect(users.find((u) => u.id === userId)?.status).toBe('invited');

    const token = await mailedToken('newagent@test.example', '/join/');
    expect(await viewUserLink(token, 'INVITATION')).toMatchObject({ status: 'ready', org: org.legalName });
    // A join link is not a reset link.
    expect((await viewUserLink(token, 'PASSWORD_RESET')).status).toBe('invalid');
    await setPasswordWithLink({ token, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, 'INVITATION');
    expect(await verifyCredentials({ email: 'newagent@test.example', password: NEW_PASSWORD })).toMatchObject({
      id: userId,
    });
    await expect(
      setPasswordWithLink(
        { token, newPassword: 'Another-passw0rd', confirmPassword: 'Another-passw0rd' },
        'INVITATION',
      ),
    ).rejects.toMatchObject({ messageKey: 'userLink.used' });
    expect(await verifyCredentials({ email: 'newagent@test.example', password: NEW_PASSWORD })).not.toBeNull();
    const audit = await db().auditEvent.findMany({ where: { targetId: userId }, orderBy: { occurredAt: 'asc' } });
    expect(audit.map((e) => e.action)).toEqual(['user.invited', 'user.joined']);
  });

  it('refuses a taken email, a role outside the organisation kind and a non-admin, changing nothing', async () => {
    const { org, admin } = await providerAdmin();
    const existing = await makeUser('SALES_AGENT', { organizationId: org.id });
    const before = await db().user.count();
    await expect(
      addUser(admin, { email: existing.email, name: 'Dup', role: 'SALES_AGENT', baseUrl: BASE }),
    ).rejects.toBeInstanceOf(Invalid);
    await expect(
      addUser(admin, { email: 'x@test.example', name: 'X', role: 'VENDOR_ADMIN', baseUrl: BASE }),
    ).rejects.toBeInstanceOf(Invalid);
    const agent = await makeCtx('ADMIN_AGENT', { organizationId: org.id });
    await expect(
      addUser(agent, { email: 'y@test.example', name: 'Y', role: 'SALES_AGENT', baseUrl: BASE }),
    ).rejects.toBeInstanceOf(Refused);
    expect(await db().user.count()).toBe(before + 1); // the agent made by makeCtx
    expect(await db().outboxMessage.count()).toBe(0);
  });

  it('an invitation expires after 7 days; Resend makes a new link and the old one stops working', async () => {
    const { admin } = await providerAdmin();
    const { userId } = await addUser(admin, {
      email: 'late@test.example',
      name: 'Late',
      role: 'SALES_AGENT',
      baseUrl: BASE,
    });
    const first = await mailedToken('late@test.example', '/join/');
    clock.advance(7 * 24 * 3600_000 + 1000);
    expect((await viewUserLink(first, 'INVITATION')).status).toBe('expired');
    expect((await findUsers(admin)).users.find((u) => u.id === userId)?.status).toBe('invitationExpired');
    await expect(
      setPasswordWithLink({ token: first, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, 'INVITATION'),
    ).rejects.toBeInstanceOf(Refused);
    await resendUserInvitation(admin, { userId, baseUrl: BASE });
    const second = await mailedToken('late@test.example', '/join/');
    expect(second).not.toBe(first);
    expect((await viewUserLink(first, 'INVITATION')).status).toBe('invalid');
    await setPasswordWithLink(
      { token: second, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      'INVITATION',
    );
    expect(await verifyCredentials({ email: 'late@test.example', password: NEW_PASSWORD })).not.toBeNull();
    await expect(resendUserInvitation(admin, { userId, baseUrl: BASE })).rejects.toBeInstanceOf(Refused);
  });

  it('revoking an invitation deletes the user and frees the email', async () => {
    const { admin } = await providerAdmin();
    const { userId } = await addUser(admin, {
      email: 'gone@test.example',
      name: 'Gone',
      role: 'SALES_AGENT',
      baseUrl: BASE,
    });
    const token = await mailedToken('gone@test.example', '/join/');
    await revokeUserInvitation(admin, { userId });
    expect(await db().user.findUnique({ where: { id: userId } })).toBeNull();
    expect((await viewUserLink(token, 'INVITATION')).status).toBe('invalid');
    await addUser(admin, { email: 'gone@test.example', name: 'Back', role: 'SALES_AGENT', baseUrl: BASE });
  });
});

describe('managing users', () => {
  it("a role change ends the user's sessions and is audited; the new role holds on the next sign-in", async () => {
    const { org, admin } = await providerAdmin();
    const user = await makeUser('ADMIN_AGENT', { organizationId: org.id });
    await changeUserRole(admin, { userId: user.id, role: 'HELPDESK_AGENT' });
    expect(await loadCtx(user.id, user.sessionVersion)).toBeNull();
    expect((await loadCtx(user.id, user.sessionVersion + 1))?.role).toBe('HELPDESK_AGENT');
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: 'user.role_changed' } });
    expect(event).toMatchObject({
      targetId: user.id,
      before: { role: 'ADMIN_AGENT' },
      after: { role: 'HELPDESK_AGENT' },
    });
  });

  it('disable ends sessions and refuses sign-in; enable lets the user in again', async () => {
    const { org, admin } = await providerAdmin();
    const user = await makeUser('SALES_AGENT', { organizationId: org.id });
    await disableUser(admin, { userId: user.id });
    expect(await loadCtx(user.id, user.sessionVersion)).toBeNull();
    expect(await verifyCredentials({ email: user.email, password: PASSWORD })).toBeNull();
    await enableUser(admin, { userId: user.id });
    expect(await verifyCredentials({ email: user.email, password: PASSWORD })).not.toBeNull();
  });

  it('remove ends sessions, hides the user, keeps its history and frees its email', async () => {
    const { org, admin } = await providerAdmin();
    const user = await makeUser('SALES_AGENT', { organizationId: org.id });
    await removeUser(admin, { userId: user.id });
    expect(await loadCtx(user.id, user.sessionVersion + 1)).toBeNull();
    expect(await verifyCredentials({ email: user.email, password: PASSWORD })).toBeNull();
    expect((await findUsers(admin)).users.map((u) => u.id)).not.toContain(user.id);
    expect(await db().user.findUnique({ where: { id: user.id } })).toMatchObject({ name: 'User SALES_AGENT' });
    await addUser(admin, { email: user.email, name: 'Again', role: 'SALES_AGENT', baseUrl: BASE });
    await expect(removeUser(admin, { userId: user.id })).rejects.toBeInstanceOf(NotFound);
  });

  it('the last admin cannot be demoted, disabled or removed; with a second admin they can', async () => {
    const { org, admin } = await providerAdmin();
    const self = await db().user.findUniqueOrThrow({ where: { id: admin.userId } });
    await expect(changeUserRole(admin, { userId: admin.userId, role: 'SALES_AGENT' })).rejects.toMatchObject({
      messageKey: 'users.errors.lastAdmin',
    });
    // An invited or disabled admin does not count.
    await addUser(admin, { email: 'pending@test.example', name: 'Pending', role: 'ADMIN', baseUrl: BASE });
    const disabled = await makeUser('ADMIN', { organizationId: org.id });
    await disableUser(admin, { userId: disabled.id });
    await expect(changeUserRole(admin, { userId: admin.userId, role: 'SALES_AGENT' })).rejects.toBeInstanceOf(Refused);
    expect((await db().user.findUniqueOrThrow({ where: { id: admin.userId } })).role).toBe('ADMIN');
    expect((await db().user.findUniqueOrThrow({ where: { id: admin.userId } })).sessionVersion).toBe(
      self.sessionVersion,
    );

    const second = await makeCtx('ADMIN', { organizationId: org.id });
    await expect(disableUser(second, { userId: admin.userId })).resolves.toBeUndefined();
    await expect(disableUser(admin, { userId: second.userId })).rejects.toBeInstanceOf(Refused);
    await expect(removeUser(second, { userId: second.userId })).rejects.toBeInstanceOf(Refused);
    await expect(changeUserRole(second, { userId: second.userId, role: 'HELPDESK_AGENT' })).rejects.toMatchObject({
      messageKey: 'users.errors.lastAdmin',
    });
  });

  it('two admins demoting each other at once leave one admin', async () => {
    const { org, admin } = await providerAdmin();
    const other = await makeCtx('ADMIN', { organizationId: org.id });
    const results = await Promise.allSettled([
      changeUserRole(admin, { userId: other.userId, role: 'SALES_AGENT' }),
      changeUserRole(other, { userId: admin.userId, role: 'SALES_AGENT' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await db().user.count({ where: { organizationId: org.id, role: 'ADMIN' } })).toBe(1);
  });

  it("another organisation's user is not found, and a non-admin may not manage users", async () => {
    const { admin } = await providerAdmin();
    const otherOrg = await makeOrg('INDIRECT_RESELLER');
    const stranger = await makeUser('SALES_AGENT', { organizationId: otherOrg.id });
    for (const attempt of [
      () => changeUserRole(admin, { userId: stranger.id, role: 'HELPDESK_AGENT' }),
      () => disableUser(admin, { userId: stranger.id }),
      () => enableUser(admin, { userId: stranger.id }),
      () => removeUser(admin, { userId: stranger.id }),
      () => resendUserInvitation(admin, { userId: stranger.id, baseUrl: BASE }),
      () => revokeUserInvitation(admin, { userId: stranger.id }),
    ]) {
      await expect(attempt()).rejects.toBeInstanceOf(NotFound);
    }
    expect(await db().user.findUniqueOrThrow({ where: { id: stranger.id } })).toMatchObject({
      role: 'SALES_AGENT',
      disabled: false,
    });
    const helpdesk = await makeCtx('HELPDESK_AGENT', { organizationId: otherOrg.id });
    await expect(findUsers(helpdesk)).rejects.toBeInstanceOf(Refused);
    await expect(disableUser(helpdesk, { userId: stranger.id })).rejects.toBeInstanceOf(Refused);
  });

  it('vendor staff manage vendor users with the one vendor role', async () => {
    const vendor = await makeOrg('VENDOR');
    const staff = await makeCtx('VENDOR_ADMIN', { organizationId: vendor.id });
    await addUser(staff, { email: 'staff2@test.example', name: 'Staff 2', role: 'VENDOR_ADMIN', baseUrl: BASE });
    await expect(
      addUser(staff, { email: 'staff3@test.example', name: 'Staff 3', role: 'ADMIN', baseUrl: BASE }),
    ).rejects.toBeInstanceOf(Invalid);
  });
});

describe('Forgot password?', () => {
  it('mails a 30-minute link to a known email only; it works once and ends every session', async () => {
    const { org } = await providerAdmin();
    const user = await makeUser('SALES_AGENT', { organizationId: org.id });
    await requestPasswordReset({ email: 'nobody@test.example', baseUrl: BASE });
    expect(await db().outboxMessage.count()).toBe(0);
    expect(await db().userToken.count()).toBe(0);

    await requestPasswordReset({ email: user.email.toUpperCase(), baseUrl: BASE });
    const token = await mailedToken(user.email, '/reset-password/');
    expect((await viewUserLink(token, 'INVITATION')).status).toBe('invalid');
    expect((await viewUserLink(token, 'PASSWORD_RESET')).status).toBe('ready');
    await setPasswordWithLink({ token, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, 'PASSWORD_RESET');
    expect(await loadCtx(user.id, user.sessionVersion)).toBeNull();
    expect(await verifyCredentials({ email: user.email, password: PASSWORD })).toBeNull();
    expect(await verifyCredentials({ email: user.email, password: NEW_PASSWORD })).not.toBeNull();
    await expect(
      setPasswordWithLink(
        { token, newPassword: 'Third-passw0rd!', confirmPassword: 'Third-passw0rd!' },
        'PASSWORD_RESET',
      ),
    ).rejects.toMatchObject({ messageKey: 'userLink.used' });
    expect(await db().outboxMessage.count({ where: { to: user.email, kind: 'password-changed' } })).toBe(1);
  });

  it('a link expires after 30 minutes; a mismatched confirmation changes nothing', async () => {
    const { org } = await providerAdmin();
    const user = await makeUser('SALES_AGENT', { organizationId: org.id });
    await requestPasswordReset({ email: user.email, baseUrl: BASE });
    const token = await mailedToken(user.email, '/reset-password/');
    await expect(
      setPasswordWithLink({ token, newPassword: NEW_PASSWORD, confirmPassword: 'Other-passw0rd!' }, 'PASSWORD_RESET'),
    ).rejects.toBeInstanceOf(Invalid);
    clock.advance(30 * 60_000 + 1000);
    await expect(
      setPasswordWithLink({ token, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, 'PASSWORD_RESET'),
    ).rejects.toMatchObject({ messageKey: 'userLink.expired' });
    expect(await verifyCredentials({ email: user.email, password: PASSWORD })).not.toBeNull();
  });

  it('sends at most 3 links per email in 15 minutes, and none to an invited or disabled user', async () => {
    const { org, admin } = await providerAdmin();
    const user = await makeUser('SALES_AGENT', { organizationId: org.id });
    for (let i = 0; i < 5; i++) await requestPasswordReset({ email: user.email, baseUrl: BASE });
    expect(await db().outboxMessage.count({ where: { to: user.email, kind: 'password-reset' } })).toBe(3);
    await addUser(admin, { email: 'invited@test.example', name: 'Invited', role: 'SALES_AGENT', baseUrl: BASE });
    await requestPasswordReset({ email: 'invited@test.example', baseUrl: BASE });
    const disabled = await makeUser('SALES_AGENT', { organizationId: org.id });
    await disableUser(admin, { userId: disabled.id });
    await requestPasswordReset({ email: disabled.email, baseUrl: BASE });
    expect(await db().outboxMessage.count({ where: { kind: 'password-reset' } })).toBe(3);
  });
});
