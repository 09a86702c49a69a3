import 'server-only';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { Conflict } from '@/lib/errors';
import { encryptSecret } from '@/lib/webhooks/sign';
import { newTotpSecret } from './totp';

/**
 * Starts setting up an authenticator app: a new secret, kept encrypted and
 * unconfirmed (it counts for nothing until a code confirms it). Starting
 * again replaces an unconfirmed secret; a confirmed one must be removed first.
 */
export async function startTotpSetup(ctx: Ctx): Promise<void> {
  assertCan(ctx, 'account.self');
  const secretEncrypted = encryptSecret(newTotpSecret());
  await db().$transaction(async (tx) => {
    const existing = await tx.totpFactor.findUnique({ where: { userId: ctx.userId }, select: { confirmedAt: true } });
    if (existing?.confirmedAt) throw new Conflict('errors.totpAlreadySet');
    await tx.totpFactor.upsert({
      where: { userId: ctx.userId },
      create: { userId: ctx.userId, secretEncrypted },
      update: { secretEncrypted, lastTimeStep: null },
    });
  });
}
