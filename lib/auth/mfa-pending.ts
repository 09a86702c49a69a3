import 'server-only';
import { hkdfSync } from 'node:crypto';
import { cookies } from 'next/headers';
import { EncryptJWT, jwtDecrypt } from 'jose';
import { readEnv } from '@/lib/env/schema';
import type { Pending } from '@/lib/mfa/second-factor';

// Between the two sign-in steps the browser holds a pending token: who gave
// the right password (user id and session version), encrypted under a key of
// its own (HKDF of NEXTAUTH_SECRET), HttpOnly, for 5 minutes. It grants
// nothing: only the `mfa` provider reads it, and only with a right second
// factor does a session follow. WebAuthn challenges (passkey sign-in and
// registration) are kept the same way, each bound to its user and purpose.

const PENDING_COOKIE = 'pc-mfa-pending';
const CHALLENGE_COOKIE = 'pc-webauthn-challenge';
const PENDING_SECONDS = 5 * 60;
const INFO = 'Partner Center sign-in second step';

type Purpose = 'pending' | 'sign-in' | 'register';

function key(): Uint8Array {
  const secret = readEnv('NEXTAUTH_SECRET');
  if (!secret) throw new Error('NEXTAUTH_SECRET is not set');
  return new Uint8Array(hkdfSync('sha256', secret, '', INFO, 32));
}

function secure(): boolean {
  return (readEnv('NEXTAUTH_URL') ?? '').startsWith('https://');
}

async function seal(claims: Record<string, string | number>): Promise<string> {
  return new EncryptJWT(claims)
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setIssuedAt()
    .setExpirationTime(`${PENDING_SECONDS}s`)
    .encrypt(key());
}

async function open(token: string | undefined): Promise<Record<string, unknown> | null> {
  if (!token) return null;
  try {
    return (await jwtDecrypt(token, key())).payload;
  } catch {
    return null;
  }
}

async function setCookie(name: string, value: string): Promise<void> {
  (await cookies()).set(name, value, {
    httpOnly: true,
    sameSite: 'lax',
    secure: secure(),
    path: '/',
    maxAge: PENDING_SECONDS,
  });
}

export async function setPendingSignIn(pending: Pending): Promise<void> {
  await setCookie(PENDING_COOKIE, await seal({ p: 'pending', uid: pending.userId, sv: pending.sessionVersion }));
}

/** The pending sign-in this browser holds, or null (none, expired, altered). */
export async function readPendingSignIn(): Promise<Pending | null> {
  const claims = await open((await cookies()).get(PENDING_COOKIE)?.value);
  if (claims?.p !== 'pending' || typeof claims.uid !== 'string' || typeof claims.sv !== 'number') return null;
  return { userId: claims.uid, sessionVersion: claims.sv };
}

export async function clearPendingSignIn(): Promise<void> {
  const jar = await cookies();
  jar.delete(PENDING_COOKIE);
  jar.delete(CHALLENGE_COOKIE);
}

export async function keepChallenge(
  purpose: Exclude<Purpose, 'pending'>,
  userId: string,
  challenge: string,
): Promise<void> {
  await setCookie(CHALLENGE_COOKIE, await seal({ p: purpose, uid: userId, ch: challenge }));
}

/** The challenge last given to this browser for this user and purpose, or null. */
export async function takeChallenge(purpose: Exclude<Purpose, 'pending'>, userId: string): Promise<string | null> {
  const jar = await cookies();
  const claims = await open(jar.get(CHALLENGE_COOKIE)?.value);
  jar.delete(CHALLENGE_COOKIE);
  return claims?.p === purpose && claims.uid === userId && typeof claims.ch === 'string' ? claims.ch : null;
}
