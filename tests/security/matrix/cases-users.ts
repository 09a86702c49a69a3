// Matrix cases of the signed-in user's own session and language, and of an
// org admin's Users page: only users of the admin's own organisation.
import { randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/authz/context';
import { setLocale } from '@/lib/users/set-locale';
import { endSessions } from '@/lib/users/end-sessions';
import { addUser } from '@/lib/users/add-user';
import { changeUserRole } from '@/lib/users/change-user-role';
import { disableUser, enableUser, removeUser } from '@/lib/users/disable-user';
import { findUsers } from '@/lib/users/find-users';
import { setPasswordWithLink, viewUserLink } from '@/lib/users/join';
import { resendUserInvitation, revokeUserInvitation } from '@/lib/users/manage-invitation';
import { requestPasswordReset } from '@/lib/users/request-password-reset';
import { assignableRoles } from '@/lib/users/roles';
import { type Case, BASE, PARTNERS, aud } from './cases-kit';

const grant = { permission: 'users.manage' as const, audiences: ['vendor' as const, ...PARTNERS] };
/** The role each organisation kind can give last (a partner's helpdesk agent, the vendor's one role). */
const someRole = (ctx: Ctx) => (assignableRoles(ctx).at(-1) ?? 'SALES_AGENT') as 'SALES_AGENT';

/** A new user of the caller's organisation to act on (joined, or still invited); none for a customer tenant. */
async function freshUser(ctx: Ctx, invited = false): Promise<string | null> {
  if (!ctx.orgId) return null;
  const user = await db().user.create({
    data: {
      email: `matrix-${randomBytes(6).toString('hex')}@matrix.example`,
      name: 'Matrix colleague',
      role: ctx.orgKind === 'VENDOR' ? 'VENDOR_ADMIN' : 'SALES_AGENT',
      organizationId: ctx.orgId,
      passwordHash: 'matrix',
      invitationPending: invited,
    },
    select: { id: true },
  });
  return user.id;
}

export const USER_CASES: Case[] = [
  {
    fn: 'lib/users/end-sessions#endSessions',
    kind: 'self',
    writes: true,
    grant: { permission: null, audiences: ['vendor', 'provider', 'reseller', 'customer'] },
    call: (ctx) => endSessions(ctx.userId),
  },
  {
    fn: 'lib/users/set-locale#setLocale',
    kind: 'self',
    writes: true,
    grant: { permission: null, audiences: ['vendor', ...PARTNERS, 'customer'] },
    call: (ctx) => setLocale(ctx, { locale: 'en' }),
  },
  {
    fn: 'lib/users/find-users#findUsers',
    kind: 'list',
    grant,
    call: (ctx) => findUsers(ctx),
    ownMarker: (w, ctx) => (aud(ctx) === 'provider' ? w.ours.user : null),
  },
  {
    fn: 'lib/users/add-user#addUser',
    kind: 'self',
    writes: true,
    grant,
    call: (ctx) =>
      addUser(ctx, {
        email: `matrix-${randomBytes(6).toString('hex')}@matrix.example`,
        name: 'Matrix invitee',
        role: someRole(ctx),
        baseUrl: BASE,
      }),
  },
  {
    fn: 'lib/users/change-user-role#changeUserRole',
    kind: 'id',
    writes: true,
    grant,
    call: (ctx, id) => changeUserRole(ctx, { userId: id, role: someRole(ctx) }),
    own: (_w, ctx) => freshUser(ctx),
  },
  {
    fn: 'lib/users/disable-user#disableUser',
    kind: 'id',
    writes: true,
    grant,
    call: (ctx, id) => disableUser(ctx, { userId: id }),
    own: (_w, ctx) => freshUser(ctx),
  },
  {
    fn: 'lib/users/disable-user#enableUser',
    kind: 'id',
    writes: true,
    grant,
    call: (ctx, id) => enableUser(ctx, { userId: id }),
    own: (_w, ctx) => freshUser(ctx),
  },
  {
    fn: 'lib/users/disable-user#removeUser',
    kind: 'id',
    writes: true,
    grant,
    call: (ctx, id) => removeUser(ctx, { userId: id }),
    own: (_w, ctx) => freshUser(ctx),
  },
  {
    fn: 'lib/users/manage-invitation#resendUserInvitation',
    kind: 'id',
    writes: true,
    grant,
    call: (ctx, id) => resendUserInvitation(ctx, { userId: id, baseUrl: BASE }),
    own: (_w, ctx) => freshUser(ctx, true),
  },
  {
    fn: 'lib/users/manage-invitation#revokeUserInvitation',
    kind: 'id',
    writes: true,
    grant,
    call: (ctx, id) => revokeUserInvitation(ctx, { userId: id }),
    own: (_w, ctx) => freshUser(ctx, true),
  },
  {
    // A mailed link's page: whoever holds the link sees whom it is for; another kind of link is not valid here.
    fn: 'lib/users/join#viewUserLink',
    kind: 'token',
    clean: true,
    grant: { permission: null, audiences: [] },
    call: (_ctx, token) => viewUserLink(token, 'INVITATION'),
  },
  {
    fn: 'lib/users/join#setPasswordWithLink',
    kind: 'token',
    grant: { permission: null, audiences: [] },
    call: (_ctx, token) =>
      setPasswordWithLink({ token, newPassword: 'Matrix-passw0rd', confirmPassword: 'Matrix-passw0rd' }, 'INVITATION'),
  },
  {
    // Forgot password?: anyone, no account involved; it answers nothing either way.
    fn: 'lib/users/request-password-reset#requestPasswordReset',
    kind: 'public',
    grant: { permission: null, audiences: [] },
    call: () => requestPasswordReset({ email: 'nobody@matrix.example', baseUrl: BASE }),
  },
];
