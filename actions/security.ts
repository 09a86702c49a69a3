'use server';
import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { keepChallenge, readPendingSignIn, takeChallenge } from '@/lib/auth/mfa-pending';
import { Refused } from '@/lib/errors';
import { confirmTotp } from '@/lib/mfa/confirm-totp';
import { finishPasskeyRegistration, removePasskey, startPasskeyRegistration } from '@/lib/mfa/passkeys';
import { relyingParty } from '@/lib/mfa/relying-party';
import { removeTotp } from '@/lib/mfa/remove-totp';
import { renewRecoveryCodes } from '@/lib/mfa/renew-recovery-codes';
import { resetUserFactors } from '@/lib/mfa/reset-user-factors';
import {
  confirmTotpInput,
  finishPasskeyInput,
  removePasskeyInput,
  resetUserFactorsInput,
  setRequireMfaInput,
} from '@/lib/mfa/schemas';
import { passkeySignInOptions } from '@/lib/mfa/second-factor';
import { setRequireMfa } from '@/lib/mfa/set-require-mfa';
import { startTotpSetup } from '@/lib/mfa/start-totp-setup';
import { defineAction, definePublicAction } from '@/lib/pipeline/define-action';
import { LIMITS } from '@/lib/rate-limit/limiter';

// Sign-in security (/security): the signed-in user's own factors. Enrolling
// stays open while the organisation requires a factor the user lacks.

async function rp() {
  return relyingParty((await headers()).get('host'));
}

function changed<T>(value: T): T {
  revalidatePath('/security');
  return value;
}

export const startTotpSetupAction = defineAction({
  permission: 'account.self',
  allowDuringMfaEnrolment: true,
  run: async (ctx) => changed(await startTotpSetup(ctx)),
});

/** Answers the recovery codes when this was the user's first factor (shown once). */
export const confirmTotpAction = defineAction({
  permission: 'account.self',
  input: confirmTotpInput,
  allowDuringMfaEnrolment: true,
  run: async (ctx, input) => changed(await confirmTotp(ctx, input)),
});

export const removeTotpAction = defineAction({
  permission: 'account.self',
  allowDuringMfaEnrolment: true,
  run: async (ctx) => changed(await removeTotp(ctx)),
});

/** WebAuthn creation options; the challenge stays in an encrypted HttpOnly cookie. */
export const startPasskeyRegistrationAction = defineAction({
  permission: 'account.self',
  allowDuringMfaEnrolment: true,
  run: async (ctx) => {
    const options = await startPasskeyRegistration(ctx, await rp());
    await keepChallenge('register', ctx.userId, options.challenge);
    return options;
  },
});

export const finishPasskeyRegistrationAction = defineAction({
  permission: 'account.self',
  input: finishPasskeyInput,
  allowDuringMfaEnrolment: true,
  run: async (ctx, input) =>
    changed(await finishPasskeyRegistration(ctx, await rp(), input, await takeChallenge('register', ctx.userId))),
});

export const removePasskeyAction = defineAction({
  permission: 'account.self',
  input: removePasskeyInput,
  allowDuringMfaEnrolment: true,
  run: async (ctx, input) => changed(await removePasskey(ctx, input)),
});

export const renewRecoveryCodesAction = defineAction({
  permission: 'account.self',
  run: async (ctx) => changed(await renewRecoveryCodes(ctx)),
});

/** Require multi-factor sign-in for the admin's own organisation or tenant. */
export const setRequireMfaAction = defineAction({
  permission: 'mfa.manage',
  input: setRequireMfaInput,
  run: async (ctx, input) => changed(await setRequireMfa(ctx, input)),
});

/** An admin resets a user's factors (the user's sessions end). */
export const resetUserFactorsAction = defineAction({
  permission: 'mfa.manage',
  input: resetUserFactorsInput,
  run: async (ctx, input) => {
    await resetUserFactors(ctx, input);
    revalidatePath('/', 'layout');
    return true;
  },
});

/** The second sign-in step's passkey options, for the pending sign-in of this browser. */
export const passkeySignInOptionsAction = definePublicAction({
  rateLimit: LIMITS.publicAddress,
  run: async () => {
    const pending = await readPendingSignIn();
    if (!pending) throw new Refused('mfaVerify.expired');
    const options = await passkeySignInOptions(pending, await rp());
    await keepChallenge('sign-in', pending.userId, options.challenge);
    return options;
  },
});
