import 'server-only';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import { isRandomSecretHash, verifyAgainstDummy, verifyPassword } from '@/lib/auth/password';
import { credentialsInput } from './schemas';

export type SignedInUser = { id: string; email: string; name: string; sessionVersion: number };

/**
 * Checks an email and password. Returns null for every failure (unknown
 * email, wrong password, disabled user) so callers cannot tell which.
 */
export async function verifyCredentials(raw: unknown): Promise<SignedInUser | null> {
  const parsed = credentialsInput.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const user = await db().user.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      name: true,
      passwordHash: true,
      disabled: true,
      invitationPending: true,
      sessionVersion: true,
    },
  });
  if (!user) {
    await verifyAgainstDummy(password);
    return null;
  }
  const ok = await verifyPassword(user.passwordHash, password);
  // A temporary password verifies fast: take a password's time anyway, so a
  // wrong guess does not tell that the account still has its temporary password.
  if (isRandomSecretHash(user.passwordHash)) await verifyAgainstDummy(password);
  if (!ok || user.disabled || user.invitationPending) return null;
  await db().user.update({ where: { id: user.id }, data: { lastSignInAt: clock.now() } });
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}
