import 'server-only';
import {
  generateRegistrationOptions,
  verifyRegistrationResponse,
  type AuthenticatorTransportFuture,
  type PublicKeyCredentialCreationOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { Invalid, NotFound } from '@/lib/errors';
import { parseInput } from '@/lib/validation/parse-input';
import { factorChanged } from './notify';
import { replaceRecoveryCodes } from './recovery-codes';
import { RP_NAME, type RelyingParty } from './relying-party';
import { finishPasskeyInput, removePasskeyInput, type FinishPasskeyInput, type RemovePasskeyInput } from './schemas';
import { userForMail } from './user-for-mail';

/** Options for the browser's navigator.credentials.create (the caller keeps the challenge). */
export async function startPasskeyRegistration(
  ctx: Ctx,
  rp: RelyingParty,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  assertCan(ctx, 'account.self');
  const existing = await db().passkey.findMany({
    where: { userId: ctx.userId },
    select: { credentialId: true, transports: true },
  });
  return generateRegistrationOptions({
    rpName: RP_NAME,
    rpID: rp.rpID,
    userName: ctx.email,
    userDisplayName: ctx.name,
    userID: new TextEncoder().encode(ctx.userId),
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({
      id: p.credentialId,
      transports: p.transports as AuthenticatorTransportFuture[],
    })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
}

/** Verifies the browser's answer to the challenge and keeps the passkey under its name. */
export async function finishPasskeyRegistration(
  ctx: Ctx,
  rp: RelyingParty,
  raw: FinishPasskeyInput,
  expectedChallenge: string | null,
): Promise<{ recoveryCodes: string[] | null }> {
  assertCan(ctx, 'account.self');
  const input = parseInput(finishPasskeyInput, raw);
  if (!expectedChallenge) throw new Invalid({}, 'errors.passkeyFailed');
  const verification = await verifyRegistrationResponse({
    response: JSON.parse(input.response) as RegistrationResponseJSON,
    expectedChallenge,
    expectedOrigin: rp.origins,
    expectedRPID: rp.rpID,
    requireUserVerification: false,
  }).catch(() => null);
  if (!verification?.verified) throw new Invalid({}, 'errors.passkeyFailed');
  const { credential } = verification.registrationInfo;
  const user = await userForMail(ctx.userId);
  return db().$transaction(async (tx) => {
    const passkey = await tx.passkey.create({
      data: {
        userId: ctx.userId,
        credentialId: credential.id,
        publicKey: Buffer.from(credential.publicKey),
        counter: BigInt(credential.counter),
        transports: credential.transports ?? [],
        name: input.name,
      },
    });
    const codesLeft = await tx.recoveryCode.count({ where: { userId: ctx.userId, usedAt: null } });
    const recoveryCodes = codesLeft === 0 ? await replaceRecoveryCodes(tx, ctx.userId) : null;
    await factorChanged(tx, ctx, user, 'passkeyAdded', { passkeyId: passkey.id, name: input.name });
    return { recoveryCodes };
  });
}

/** Removes one of the user's own passkeys (another user's is not found). */
export async function removePasskey(ctx: Ctx, raw: RemovePasskeyInput): Promise<void> {
  assertCan(ctx, 'account.self');
  const { passkeyId } = parseInput(removePasskeyInput, raw);
  const user = await userForMail(ctx.userId);
  await db().$transaction(async (tx) => {
    const { count } = await tx.passkey.deleteMany({ where: { id: passkeyId, userId: ctx.userId } });
    if (count === 0) throw new NotFound('passkey');
    await factorChanged(tx, ctx, user, 'passkeyRemoved', { passkeyId });
  });
}
