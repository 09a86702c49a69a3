import 'server-only';
import { verifyCredentials, type SignedInUser } from '@/lib/users/verify-credentials';
import { limiters, type Blocked } from '@/lib/rate-limit/limiter';

export type SignInResult = { user: SignedInUser } | { failed: true } | { blocked: Blocked };

/** The email as the limit counts it: whatever was typed, trimmed and lower-cased (known or not). */
function accountKey(raw: unknown): string {
  const email = (raw as { email?: unknown } | null | undefined)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase().slice(0, 254) : '';
}

/**
 * Sign-in with its limits: after 5 failures for one email (known or
 * unknown alike) or 20 from one address within 15 minutes, every attempt is
 * refused, even with the right password, until the window ends. Only
 * failures count; a success forgets the email's failures.
 */
export async function signInWithLimits(credentials: unknown, address: string): Promise<SignInResult> {
  const account = accountKey(credentials);
  const [byAccount, byAddress] = await Promise.all([
    limiters.signInAccount.check(account),
    limiters.signInAddress.check(address),
  ]);
  const blocked = [byAccount, byAddress].filter((b): b is Blocked => !!b);
  if (blocked.length) return { blocked: { retryAfterMs: Math.max(...blocked.map((b) => b.retryAfterMs)) } };

  const user = await verifyCredentials(credentials);
  if (!user) {
    await Promise.all([limiters.signInAccount.hit(account), limiters.signInAddress.hit(address)]);
    return { failed: true };
  }
  await limiters.signInAccount.clear(account);
  return { user };
}

/** The error next-auth passes to the sign-in form: `TooManyAttempts:<minutes>`. */
export const TOO_MANY_ATTEMPTS = 'TooManyAttempts';
