import 'server-only';
import QRCode from 'qrcode';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/authz/context';
import { assertCan, can } from '@/lib/authz/policy';
import { decryptSecret } from '@/lib/webhooks/sign';
import { totpUri } from './totp';
import { readRequireMfa } from './require-mfa-scope';

export type SecurityView = {
  totp: { confirmed: true } | { confirmed: false; secret: string; qrDataUrl: string } | null;
  passkeys: { id: string; name: string; createdAt: Date; lastUsedAt: Date | null }[];
  recoveryCodesLeft: number;
  /** The organisation's (or tenant's) setting, when the user may change it. */
  requireMfa: boolean | null;
};

/** What the Sign-in security page shows the signed-in user about their own factors. */
export async function findSecurityView(ctx: Ctx): Promise<SecurityView> {
  assertCan(ctx, 'account.self');
  const [totp, passkeys, recoveryCodesLeft, requireMfa] = await Promise.all([
    db().totpFactor.findUnique({ where: { userId: ctx.userId } }),
    db().passkey.findMany({
      where: { userId: ctx.userId },
      orderBy: { createdAt: 'asc' },
      select: { id: true, name: true, createdAt: true, lastUsedAt: true },
    }),
    db().recoveryCode.count({ where: { userId: ctx.userId, usedAt: null } }),
    can(ctx, 'mfa.manage') ? readRequireMfa(ctx) : Promise.resolve(null),
  ]);
  let totpView: SecurityView['totp'] = null;
  if (totp?.confirmedAt) totpView = { confirmed: true };
  else if (totp) {
    const secret = decryptSecret(totp.secretEncrypted);
    // A data: URL (the Content-Security-Policy allows data: images, no script).
    const qrDataUrl = await QRCode.toDataURL(totpUri(secret, ctx.email), { margin: 1, width: 200 });
    totpView = { confirmed: false, secret, qrDataUrl };
  }
  return { totp: totpView, passkeys, recoveryCodesLeft, requireMfa };
}
