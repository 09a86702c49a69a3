import { z } from 'zod';
import { newPasswordSchema } from '@/lib/auth/password';

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
