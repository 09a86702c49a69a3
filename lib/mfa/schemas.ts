import { z } from 'zod';

export const confirmTotpInput = z.object({ code: z.string().trim().min(1, 'errors.required').max(20) });
export type ConfirmTotpInput = z.infer<typeof confirmTotpInput>;

export const finishPasskeyInput = z.object({
  name: z.string().trim().min(1, 'errors.required').max(60),
  /** The browser's RegistrationResponseJSON, as JSON text. */
  response: z.string().min(2).max(20_000),
});
export type FinishPasskeyInput = z.infer<typeof finishPasskeyInput>;

export const removePasskeyInput = z.object({ passkeyId: z.string().min(1).max(40) });
export type RemovePasskeyInput = z.infer<typeof removePasskeyInput>;

export const setRequireMfaInput = z.object({
  // A checkbox: present ("on") when ticked, absent otherwise.
  requireMfa: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()),
});
export type SetRequireMfaInput = z.infer<typeof setRequireMfaInput>;

export const resetUserFactorsInput = z.object({ userId: z.string().min(1).max(40) });
export type ResetUserFactorsInput = z.infer<typeof resetUserFactorsInput>;
