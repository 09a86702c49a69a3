import 'server-only';
import { db } from '@/lib/db';

/** Whether the user has a factor that counts: a confirmed authenticator app or a passkey. */
export async function hasConfirmedFactor(userId: string): Promise<boolean> {
  const [totp, passkeys] = await Promise.all([
    db().totpFactor.count({ where: { userId, confirmedAt: { not: null } } }),
    db().passkey.count({ where: { userId } }),
  ]);
  return totp + passkeys > 0;
}
