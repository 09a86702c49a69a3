import { z } from 'zod';

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
