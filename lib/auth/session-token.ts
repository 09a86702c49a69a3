// The session token (next-auth's JWT: JWE, "dir" + A256GCM, with a key
// derived from NEXTAUTH_SECRET by HKDF exactly as next-auth derives it), made
// and read here with the derived key kept per process: next-auth derives it
// again for every token it reads or writes. next-auth is given these two
// functions (authOptions.jwt), so every token is made and read one way.
// No 'server-only' marker: proxy.ts imports this too.
import { hkdfSync, randomUUID } from 'node:crypto';
import { EncryptJWT, jwtDecrypt, type JWTPayload } from 'jose';
import { readEnv } from '@/lib/env/schema';

const INFO = 'NextAuth.js Generated Encryption Key';
let cached: { secret: string; key: Uint8Array } | undefined;

function keyFor(secret: string): Uint8Array {
  if (cached?.secret !== secret) {
    cached = { secret, key: new Uint8Array(hkdfSync('sha256', secret, '', INFO, 32)) };
  }
  return cached.key;
}

function secretOf(secret?: string | Buffer): string {
  const value = secret === undefined ? readEnv('NEXTAUTH_SECRET') : String(secret);
  if (!value) throw new Error('NEXTAUTH_SECRET is not set');
  return value;
}

/** A new token holding `claims`, valid for `maxAge` seconds. */
export async function encodeSessionToken(params: {
  token?: JWTPayload;
  secret?: string | Buffer;
  maxAge?: number;
}): Promise<string> {
  const now = (Date.now() / 1000) | 0;
  return new EncryptJWT(params.token ?? {})
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setIssuedAt()
    .setExpirationTime(now + (params.maxAge ?? 30 * 24 * 60 * 60))
    .setJti(randomUUID())
    .encrypt(keyFor(secretOf(params.secret)));
}

const CLOCK_TOLERANCE_S = 15; // next-auth's

// Tokens read lately, by their exact text: a page load reads its token twice
// (the server's renewal check, then the page's session), and a signed-in
// user's next requests carry the same token. A token is only found here as
// decrypted with the same key, and its expiry is checked again on each read.
const READ_MAX = 1000;
const read = new Map<string, { key: Uint8Array; payload: JWTPayload }>();

/** The token's claims; throws when it was not made with this secret, was altered, or has expired. */
export async function decodeSessionToken(params: {
  token?: string;
  secret?: string | Buffer;
}): Promise<JWTPayload | null> {
  if (!params.token) return null;
  const key = keyFor(secretOf(params.secret));
  const known = read.get(params.token);
  if (known && known.key === key) {
    if (typeof known.payload.exp === 'number' && known.payload.exp < Date.now() / 1000 - CLOCK_TOLERANCE_S) {
      read.delete(params.token);
      throw new Error('"exp" claim timestamp check failed');
    }
    return { ...known.payload };
  }
  const { payload } = await jwtDecrypt(params.token, key, { clockTolerance: CLOCK_TOLERANCE_S });
  if (read.size >= READ_MAX) read.delete(read.keys().next().value!); // the oldest
  read.set(params.token, { key, payload: { ...payload } });
  return payload;
}

/**
 * next-auth's cookie name for the session token. The token holds four claims
 * (a few hundred bytes), so next-auth never splits it into numbered chunks.
 */
export function sessionCookieName(): string {
  return (readEnv('NEXTAUTH_URL') ?? '').startsWith('https://')
    ? '__Secure-next-auth.session-token'
    : 'next-auth.session-token';
}
