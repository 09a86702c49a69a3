import { z } from 'zod';
import { searchText } from '@/lib/validation/text';

/** New passwords: 12–128 characters with a letter and a digit. */
export const newPasswordSchema = z
  .string()
  .min(12, 'errors.passwordTooShort')
  .max(128, 'errors.passwordTooLong')
  .regex(/[A-Za-z]/, 'errors.passwordWeak')
  .regex(/[0-9]/, 'errors.passwordWeak');

export const changePasswordInput = z
  .object({
    currentPassword: z.string().min(1, 'errors.required').max(128),
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'errors.passwordsDiffer' })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ['newPassword'], message: 'errors.passwordUnchanged' });
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

export const LOCALES = ['en', 'ja'] as const;
export type Locale = (typeof LOCALES)[number];
export const setLocaleInput = z.object({ locale: z.enum(LOCALES) });

/** Sign-in (verifyCredentials): an email and a password as typed. */
export const credentialsInput = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(128),
});

/** An org admin disables one user of the same organisation. */
export const disableUserInput = z.object({ userId: z.string().min(1).max(40) });
export type DisableUserInput = z.infer<typeof disableUserInput>;

/** Roles an admin may give inside a partner organisation or the vendor (lib/users/roles.ts). */
export const ORG_ROLES = ['ADMIN', 'ADMIN_AGENT', 'SALES_AGENT', 'HELPDESK_AGENT', 'VENDOR_ADMIN'] as const;
const emailInput = z.string().trim().toLowerCase().min(1, 'errors.required').max(254).email('users.errors.email');

/** A new user's email and name, as an organisation's or a customer tenant's admin types them. */
export const newUserFields = z.object({
  email: emailInput,
  name: z.string().trim().min(1, 'errors.required').max(100, 'users.errors.nameTooLong'),
});

/** An org admin adds a colleague: the invitation link sets the first password. */
export const addUserInput = newUserFields.extend({ role: z.enum(ORG_ROLES, 'users.errors.roleRequired') });
export type AddUserInput = z.infer<typeof addUserInput>;

/** One user of the admin's organisation. */
export const userIdInput = z.object({ userId: z.string().min(1).max(40) });
export type UserIdInput = z.infer<typeof userIdInput>;

export const changeRoleInput = userIdInput.extend({ role: z.enum(ORG_ROLES, 'users.errors.roleRequired') });
export type ChangeRoleInput = z.infer<typeof changeRoleInput>;

export const setUserEnabledInput = userIdInput.extend({ enabled: z.enum(['true', 'false']) });
export type SetUserEnabledInput = z.infer<typeof setUserEnabledInput>;

/** The Users page's search: name or email. */
export const findUsersInput = z.object({ q: searchText(100) });
export type FindUsersInput = z.infer<typeof findUsersInput>;

/** A one-time link's token as it arrives in a path or a form. */
export const linkTokenSchema = z
  .string()
  .min(20)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/);

/** The first password (invitation) or a new one (password reset), set through a mailed link. */
export const setPasswordWithLinkInput = z
  .object({ token: linkTokenSchema, newPassword: newPasswordSchema, confirmPassword: z.string().max(128) })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'errors.passwordsDiffer' });
export type SetPasswordWithLinkInput = z.infer<typeof setPasswordWithLinkInput>;

/** Forgot password?: the email as typed. */
export const forgotPasswordInput = z.object({ email: emailInput });
export type ForgotPasswordInput = z.infer<typeof forgotPasswordInput>;
