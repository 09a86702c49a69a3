import 'server-only';
import { hkdfSync, randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import type { Ctx } from '@/lib/authz/context';
import { clock } from '@/lib/clock';
import { readEnv } from '@/lib/env/schema';
import { appCtx } from './app-ctx';
import { SCOPE_NAMES, type ApiScope } from './scopes';

// The Partner API's access tokens: JWTs signed with HMAC-SHA256 (jose), with
// a key derived from NEXTAUTH_SECRET for this use alone, lasting one hour.
// A token names its app, organisation and scopes; the app is looked up again
// on every request, so a revoked app's tokens stop at once.

export const TOKEN_SECONDS = 3600;
const ISSUER = 'partner-center';
const AUDIENCE = 'partner-center-api';
const INFO = 'Partner Center API access token';
let cached: { secret: string; key: Uint8Array } | undefined;

function key(): Uint8Array {
  const secret = readEnv('NEXTAUTH_SECRET');
  if (!secret) throw new Error('NEXTAUTH_SECRET is not set');
  if (cached?.secret !== secret) cached = { secret, key: new Uint8Array(hkdfSync('sha256', secret, '', INFO, 32)) };
  return cached.key;
}

export type AccessClaims = { appId: string; organizationId: string; scopes: ApiScope[] };

/** A signed access token for the app and the scopes granted. */
export async function signAccessToken(claims: AccessClaims): Promise<string> {
  const now = Math.floor(clock.now().getTime() / 1000);
  return new SignJWT({ org: claims.organizationId, scope: claims.scopes.join(' ') })
    .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(claims.appId)
    .setIssuedAt(now)
    .setExpirationTime(now + TOKEN_SECONDS)
    .setJti(randomUUID())
    .sign(key());
}

/** A live token's claims and the context its app acts in (lib/api/app-ctx.ts). */
export type AccessCaller = AccessClaims & { ctx: Ctx };

/**
 * The claims of a token this portal signed, unaltered and unexpired, whose
 * app is still live (not revoked, its organisation active, its creator
 * enabled), with the context the app acts in; null otherwise.
 */
export async function verifyAccessToken(token: string): Promise<AccessCaller | null> {
  if (token.length > 4096) return null;
  let payload;
  try {
    ({ payload } = await jwtVerify(token, key(), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
      typ: 'at+jwt',
      currentDate: clock.now(),
    }));
  } catch {
    return null;
  }
  const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ') : [];
  if (typeof payload.sub !== 'string' || typeof payload.org !== 'string') return null;
  if (!scopes.every((s): s is ApiScope => (SCOPE_NAMES as string[]).includes(s))) return null;
  const ctx = await appCtx(payload.sub, payload.org, scopes);
  return ctx ? { appId: payload.sub, organizationId: payload.org, scopes, ctx } : null;
}
