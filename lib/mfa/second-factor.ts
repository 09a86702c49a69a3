import 'server-only';
import {
  generateAuthenticationOptions,
  verifyAuthenticationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import { recordAudit } from '@/lib/audit/record-audit';
import { limiters, type Blocked } from '@/lib/rate-limit/limiter';
import { decryptSecret } from '@/lib/webhooks/sign';
import type { SignedInUser } from '@/lib/users/verify-credentials';
import { hashRecoveryCode } from './recovery-codes';
import type { RelyingParty } from './relying-party';
import { acceptedTimeStep } from './totp';

// The second step of sign-in, for a user whose password was right a moment
// ago (the pending token names the user and the session version). Limited
// like the first step: after 5 failures for the user (or 20 from one
// address) in 15 minutes every attempt is refused until the window ends; a
// success forgets the user's failures.

export type Pending = { userId: string; sessionVersion: number };
export type SecondFactor = { code: string } | { assertion: string; challenge: string | null; rp: RelyingParty };
export type SecondFactorResult = { user: SignedInUser } | { failed: true } | { blocked: Blocked };

async function pendingUser(pending: Pending) {
  const user = await db().user.findUnique({
    where: { id: pending.userId },
    select: { id: true, email: true, name: true, disabled: true, sessionVersion: true, organizationId: true },
  });
  return user && !user.disabled && user.sessionVersion === pending.sessionVersion ? user : null;
}

/** A TOTP code (each time step once) or an unused recovery code (used up here). */
async function codeAccepted(userId: string, orgId: string | null, raw: string): Promise<boolean> {
  const code = raw.replace(/\s/g, '');
  const totp = await db().totpFactor.findUnique({ where: { userId } });
  if (totp?.confirmedAt && /^\d{6}$/.test(code)) {
    const step = await acceptedTimeStep(decryptSecret(totp.secretEncrypted), code, totp.lastTimeStep);
    if (step === null) return false;
    // Conditional on the last step, so two requests with one code cannot both pass.
    const { count } = await db().totpFactor.updateMany({
      where: { userId, OR: [{ lastTimeStep: null }, { lastTimeStep: { lt: step } }] },
      data: { lastTimeStep: step },
    });
    return count === 1;
  }
  return db().$transaction(async (tx) => {
    const { count } = await tx.recoveryCode.updateMany({
      where: { userId, codeHash: hashRecoveryCode(code), usedAt: null },
      data: { usedAt: clock.now() },
    });
    if (count !== 1) return false;
    await recordAudit(
      tx,
      { userId, orgId },
      { action: 'user.mfa.recoveryCodeUsed', targetType: 'user', targetId: userId },
    );
    return true;
  });
}

async function assertionAccepted(
  userId: string,
  factor: Extract<SecondFactor, { assertion: string }>,
): Promise<boolean> {
  if (!factor.challenge) return false;
  let response: AuthenticationResponseJSON;
  try {
    response = JSON.parse(factor.assertion) as AuthenticationResponseJSON;
  } catch {
    return false;
  }
  if (typeof response?.id !== 'string') return false;
  const passkey = await db().passkey.findFirst({ where: { userId, credentialId: response.id } });
  if (!passkey) return false;
  const verification = await verifyAuthenticationResponse({
    response,
    expectedChallenge: factor.challenge,
    expectedOrigin: factor.rp.origins,
    expectedRPID: factor.rp.rpID,
    credential: {
      id: passkey.credentialId,
      publicKey: new Uint8Array(passkey.publicKey),
      counter: Number(passkey.counter),
      transports: passkey.transports as AuthenticatorTransportFuture[],
    },
    requireUserVerification: false,
  }).catch(() => null);
  if (!verification?.verified) return false;
  await db().passkey.update({
    where: { id: passkey.id },
    data: { counter: BigInt(verification.authenticationInfo.newCounter), lastUsedAt: clock.now() },
  });
  return true;
}

export async function verifySecondFactor(
  pending: Pending,
  factor: SecondFactor,
  address: string,
): Promise<SecondFactorResult> {
  const [byUser, byAddress] = await Promise.all([
    limiters.mfaUser.check(pending.userId),
    limiters.signInAddress.check(address),
  ]);
  const blocked = [byUser, byAddress].filter((b): b is Blocked => !!b);
  if (blocked.length) return { blocked: { retryAfterMs: Math.max(...blocked.map((b) => b.retryAfterMs)) } };

  const user = await pendingUser(pending);
  const ok =
    !!user &&
    ('code' in factor
      ? await codeAccepted(user.id, user.organizationId, factor.code)
      : await assertionAccepted(user.id, factor));
  if (!user || !ok) {
    await Promise.all([limiters.mfaUser.hit(pending.userId), limiters.signInAddress.hit(address)]);
    return { failed: true };
  }
  await limiters.mfaUser.clear(pending.userId);
  return { user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };
}

/** Options for navigator.credentials.get with the pending user's passkeys (the caller keeps the challenge). */
export async function passkeySignInOptions(
  pending: Pending,
  rp: RelyingParty,
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const passkeys = await db().passkey.findMany({
    where: { userId: pending.userId },
    select: { credentialId: true, transports: true },
  });
  return generateAuthenticationOptions({
    rpID: rp.rpID,
    allowCredentials: passkeys.map((p) => ({
      id: p.credentialId,
      transports: p.transports as AuthenticatorTransportFuture[],
    })),
    userVerification: 'preferred',
  });
}
