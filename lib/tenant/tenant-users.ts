import 'server-only';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/authz/context';
import { hashRandomSecret } from '@/lib/auth/password';
import { NotFound, Refused, Invalid } from '@/lib/errors';
import { isUniqueViolation } from '@/lib/orders/create-order';
import { generateTemporaryPassword } from '@/lib/orders/temporary-password';
import { parseInput } from '@/lib/validation/parse-input';
import { assertKeepsAdmin, lockMember } from '@/lib/users/org-user';
import { assertTenantAccess } from './access';
import { recordTenantChange } from './activity';
import {
  addTenantUserInput,
  findTenantUsersInput,
  setTenantUserEnabledInput,
  tenantUserInput,
  type AddTenantUserInput,
  type FindTenantUsersInput,
  type SetTenantUserEnabledInput,
  type TenantUserInput,
} from './schemas';

// A customer tenant's users, managed by the tenant's admin: added with a
// temporary password shown once and changed at first sign-in (as R6 gives
// the first admin one), passwords reset the same way, disabled and enabled.
// A password reset or disabling ends the user's sessions at once. The
// tenant keeps at least one enabled customer admin.

export const TENANT_USERS_SHOWN = 200;

/** The tenant's users by name, with a search on name or email. */
export async function findTenantUsers(ctx: Ctx, raw: FindTenantUsersInput) {
  const { customerId, q } = findTenantUsersInput.parse(raw);
  await assertTenantAccess(ctx, customerId, 'read');
  const rows = await db().user.findMany({
    where: {
      customerId,
      removedAt: null,
      ...(q ? { OR: [{ name: { contains: q, mode: 'insensitive' } }, { email: { contains: q.toLowerCase() } }] } : {}),
    },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take: TENANT_USERS_SHOWN + 1,
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabled: true,
      mustChangePassword: true,
      lastSignInAt: true,
      _count: { select: { licences: true } },
    },
  });
  return {
    users: rows.slice(0, TENANT_USERS_SHOWN).map(({ _count, ...u }) => ({
      ...u,
      licences: _count.licences,
      self: u.id === ctx.userId,
    })),
    more: rows.length > TENANT_USERS_SHOWN,
  };
}

/** Adds a user to the tenant; answers the temporary password, shown once and never stored in clear. */
export async function addTenantUser(ctx: Ctx, raw: AddTenantUserInput) {
  const input = parseInput(addTenantUserInput, raw);
  const via = await assertTenantAccess(
    ctx,
    input.customerId,
    input.role === 'CUSTOMER_ADMIN' ? 'manageAdmins' : 'manageUsers',
  );
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashRandomSecret(temporaryPassword);
  try {
    return await db().$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          email: input.email,
          name: input.name,
          role: input.role,
          customerId: input.customerId,
          passwordHash,
          mustChangePassword: true,
        },
        select: { id: true, email: true },
      });
      await recordTenantChange(tx, ctx, via, input.customerId, {
        action: 'tenant_user.added',
        targetType: 'user',
        targetId: user.id,
        detail: { email: user.email, name: input.name, role: input.role },
      });
      return { userId: user.id, email: user.email, temporaryPassword };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new Invalid({ email: ['users.errors.emailTaken'] });
    throw error;
  }
}

/** A new temporary password for a tenant user (shown once); the user's sessions end and it must be changed. */
export async function resetTenantUserPassword(ctx: Ctx, raw: TenantUserInput) {
  const input = parseInput(tenantUserInput, raw);
  let via = await assertTenantAccess(ctx, input.customerId, 'resetPasswords');
  if (input.userId === ctx.userId) throw new Refused('tenant.errors.resetSelf');
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashRandomSecret(temporaryPassword);
  return db().$transaction(async (tx) => {
    const user = await lockMember(tx, { customerId: input.customerId }, input.userId);
    if (user.role === 'CUSTOMER_ADMIN') via = await assertTenantAccess(ctx, input.customerId, 'manageAdmins');
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, mustChangePassword: true, sessionVersion: { increment: 1 } },
    });
    await recordTenantChange(tx, ctx, via, input.customerId, {
      action: 'tenant_user.password_reset',
      targetType: 'user',
      targetId: user.id,
      detail: { email: user.email, name: user.name },
    });
    return { email: user.email, temporaryPassword };
  });
}

/** Disables (sessions end at once) or enables a tenant user; the last enabled customer admin stays. */
export async function setTenantUserEnabled(ctx: Ctx, raw: SetTenantUserEnabledInput) {
  const input = parseInput(setTenantUserEnabledInput, raw);
  let via = await assertTenantAccess(ctx, input.customerId, 'manageUsers');
  const enabled = input.enabled === 'true';
  if (!enabled && input.userId === ctx.userId) throw new Refused('errors.cannotDisableSelf');
  return db().$transaction(async (tx) => {
    const user = await lockMember(tx, { customerId: input.customerId }, input.userId);
    if (user.role === 'CUSTOMER_ADMIN') via = await assertTenantAccess(ctx, input.customerId, 'manageAdmins');
    if (user.disabled === !enabled) return { changed: false };
    if (!enabled) await assertKeepsAdmin(tx, { customerId: input.customerId }, 'CUSTOMER_ADMIN', user);
    await tx.user.update({
      where: { id: user.id },
      data: enabled ? { disabled: false } : { disabled: true, sessionVersion: { increment: 1 } },
    });
    await recordTenantChange(tx, ctx, via, input.customerId, {
      action: enabled ? 'tenant_user.enabled' : 'tenant_user.disabled',
      targetType: 'user',
      targetId: user.id,
      detail: { email: user.email, name: user.name },
    });
    return { changed: true };
  });
}

/** The tenant's name, for whoever may read in it (the tenant's admin, or a partner through a delegated role). */
export async function getTenantName(ctx: Ctx, customerId: string): Promise<string> {
  await assertTenantAccess(ctx, customerId, 'read');
  const customer = await db().customer.findUnique({ where: { id: customerId }, select: { companyName: true } });
  if (!customer) throw new NotFound('customer');
  return customer.companyName;
}
