import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JWT } from 'next-auth/jwt';
import { clock } from '@/lib/clock';
import { authOptions } from '@/lib/auth/options';
import { seenIsStale, sessionExpired, sessionLimits } from '@/lib/auth/session-times';

afterEach(() => {
  clock.reset();
  vi.unstubAllEnvs();
});

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The token next-auth makes at sign-in (lib/auth/options.ts's jwt callback). */
async function signedInToken(): Promise<JWT> {
  const jwt = authOptions.callbacks!.jwt!;
  return jwt({
    token: {},
    user: { id: 'u1', email: 'a@test.example', name: 'A', sv: 0 } as never,
    account: null,
    trigger: 'signIn',
  } as never) as Promise<JWT>;
}

/** What proxy.ts does on a request: renews `seen` when a minute old and the session is live. */
function request(token: JWT): JWT {
  return !sessionExpired(token) && seenIsStale(token) ? { ...token, seen: clock.now().getTime() } : token;
}

describe('session lifetimes (portal clock)', () => {
  it('defaults: 8 hours idle, 7 days absolute', () => {
    expect(sessionLimits()).toEqual({ idleMs: 8 * HOUR, absoluteMs: 7 * 24 * HOUR });
  });

  it('the sign-in token records the sign-in time from the portal clock', async () => {
    clock.advance(3 * HOUR);
    const token = await signedInToken();
    expect(token.auth).toBe(token.seen);
    expect(Math.abs((token.auth as number) - clock.now().getTime())).toBeLessThan(1000);
    expect(sessionExpired(token)).toBe(false);
  });

  it('idle: ends 8 hours after the last request, not before', async () => {
    const token = await signedInToken();
    clock.advance(8 * HOUR - MINUTE);
    expect(sessionExpired(token)).toBe(false);
    clock.advance(2 * MINUTE);
    expect(sessionExpired(token)).toBe(true);
  });

  it('activity keeps it alive past 8 hours; absolute: it ends 7 days after sign-in whatever the activity', async () => {
    let token = await signedInToken();
    for (let elapsed = 0; elapsed < 7 * 24 * HOUR - 7 * HOUR; elapsed += 7 * HOUR) {
      clock.advance(7 * HOUR);
      expect(sessionExpired(token)).toBe(false);
      token = request(token);
    }
    clock.advance(7 * HOUR + MINUTE);
    expect(sessionExpired(token)).toBe(true);
    // A request after expiry does not revive it.
    expect(request(token)).toBe(token);
  });

  it('a token without the times (made before this rule) is not accepted', () => {
    expect(sessionExpired({ uid: 'u1', sv: 0 })).toBe(true);
  });

  it('SESSION_IDLE_MINUTES and SESSION_MAX_HOURS change the lifetimes; nonsense keeps the defaults', async () => {
    vi.stubEnv('SESSION_IDLE_MINUTES', '30');
    vi.stubEnv('SESSION_MAX_HOURS', '12');
    expect(sessionLimits()).toEqual({ idleMs: 30 * MINUTE, absoluteMs: 12 * HOUR });
    const token = await signedInToken();
    clock.advance(31 * MINUTE);
    expect(sessionExpired(token)).toBe(true);
    vi.stubEnv('SESSION_IDLE_MINUTES', '-5');
    vi.stubEnv('SESSION_MAX_HOURS', 'abc');
    expect(sessionLimits()).toEqual({ idleMs: 8 * HOUR, absoluteMs: 7 * 24 * HOUR });
  });
});

describe('session cookie', () => {
  it('is HttpOnly and SameSite=Lax (next-auth defaults), Secure only when NEXTAUTH_URL is https', async () => {
    expect(authOptions.useSecureCookies).toBe(false);
    expect(authOptions.cookies).toBeUndefined();
    vi.stubEnv('NEXTAUTH_URL', 'https://portal.example');
    vi.resetModules();
    const { authOptions: https } = await import('@/lib/auth/options');
    expect(https.useSecureCookies).toBe(true);
  });
});
