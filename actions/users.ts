'use server';
import { after } from 'next/server';
import { revalidatePath } from 'next/cache';
import { baseUrl } from '@/lib/http/base-url';
import { defineAction, definePublicAction } from '@/lib/pipeline/define-action';
import { LIMITS } from '@/lib/rate-limit/limiter';
import { addGroupMember, createGroup, deleteGroup, removeGroupMember } from '@/lib/groups/manage-groups';
import { createGroupInput, groupInput, groupMemberInput } from '@/lib/groups/schemas';
import { addUser } from '@/lib/users/add-user';
import { changeUserRole } from '@/lib/users/change-user-role';
import { disableUser, enableUser, removeUser } from '@/lib/users/disable-user';
import { setPasswordWithLink } from '@/lib/users/join';
import { resendUserInvitation, revokeUserInvitation } from '@/lib/users/manage-invitation';
import { requestPasswordReset } from '@/lib/users/request-password-reset';
import {
  addUserInput,
  changeRoleInput,
  forgotPasswordInput,
  setPasswordWithLinkInput,
  setUserEnabledInput,
  userIdInput,
} from '@/lib/users/schemas';

/** Users page: add a colleague; the invitation is mailed. A refusal keeps what was typed. */
export const addUserAction = defineAction({
  permission: 'users.manage',
  input: addUserInput,
  echo: ['email', 'name', 'role'],
  run: async (ctx, input) => {
    const result = await addUser(ctx, { ...input, baseUrl: await baseUrl() });
    revalidatePath('/users');
    return result;
  },
});

export const changeUserRoleAction = defineAction({
  permission: 'users.manage',
  input: changeRoleInput,
  run: async (ctx, input) => {
    const result = await changeUserRole(ctx, input);
    revalidatePath('/users');
    return result.changed ? ('changed' as const) : ('unchanged' as const);
  },
});

export const setUserEnabledAction = defineAction({
  permission: 'users.manage',
  input: setUserEnabledInput,
  run: async (ctx, input) => {
    if (input.enabled === 'true') await enableUser(ctx, input);
    else await disableUser(ctx, input);
    revalidatePath('/users');
    return input.enabled === 'true' ? ('enabled' as const) : ('disabled' as const);
  },
});

export const removeUserAction = defineAction({
  permission: 'users.manage',
  input: userIdInput,
  run: async (ctx, input) => {
    await removeUser(ctx, input);
    revalidatePath('/users');
    return 'removed' as const;
  },
});

export const resendUserInvitationAction = defineAction({
  permission: 'users.manage',
  input: userIdInput,
  run: async (ctx, input) => {
    await resendUserInvitation(ctx, { ...input, baseUrl: await baseUrl() });
    revalidatePath('/users');
    return 'resent' as const;
  },
});

export const revokeUserInvitationAction = defineAction({
  permission: 'users.manage',
  input: userIdInput,
  run: async (ctx, input) => {
    await revokeUserInvitation(ctx, input);
    revalidatePath('/users');
    return 'revoked' as const;
  },
});

/** The invitation link's page: the first password; the form then signs in with it. */
export const joinAction = definePublicAction({
  rateLimit: LIMITS.passwordLinkAddress,
  input: setPasswordWithLinkInput,
  run: (_ctx, input) => setPasswordWithLink(input, 'INVITATION'),
});

/** The password reset link's page: a new password; every session ends, the form signs in again. */
export const resetPasswordAction = definePublicAction({
  rateLimit: LIMITS.passwordLinkAddress,
  input: setPasswordWithLinkInput,
  run: (_ctx, input) => setPasswordWithLink(input, 'PASSWORD_RESET'),
});

/**
 * Forgot password?: one answer whatever the email, given before any lookup;
 * the link is made and mailed after the answer is sent (`after`), so the
 * answer's timing does not tell whether the account exists.
 */
export const forgotPasswordAction = definePublicAction({
  rateLimit: LIMITS.passwordResetAddress,
  input: forgotPasswordInput,
  echo: ['email'],
  run: async (_ctx, input) => {
    const base = await baseUrl();
    after(() => requestPasswordReset({ email: input.email, baseUrl: base }));
    return { email: input.email };
  },
});

/** Groups (partner admins): create, delete, add and remove members. */
export const createGroupAction = defineAction({
  permission: 'users.manage',
  input: createGroupInput,
  echo: ['name'],
  run: async (ctx, input) => {
    const result = await createGroup(ctx, input);
    revalidatePath('/users');
    return result;
  },
});

export const deleteGroupAction = defineAction({
  permission: 'users.manage',
  input: groupInput,
  run: async (ctx, input) => {
    await deleteGroup(ctx, input);
    revalidatePath('/users');
    return 'deleted' as const;
  },
});

export const addGroupMemberAction = defineAction({
  permission: 'users.manage',
  input: groupMemberInput,
  run: async (ctx, input) => {
    await addGroupMember(ctx, input);
    revalidatePath('/users');
    return 'added' as const;
  },
});

export const removeGroupMemberAction = defineAction({
  permission: 'users.manage',
  input: groupMemberInput,
  run: async (ctx, input) => {
    await removeGroupMember(ctx, input);
    revalidatePath('/users');
    return 'removed' as const;
  },
});
