import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PrismaPg } from '@prisma/adapter-pg';
import { resetDatabase } from '../setup/per-file';
import { PASSWORD, makeCtx, makeOrg, makeUser } from '../factories';
import { makeSubscriptionSetup } from '../factories/subscriptions';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { Invalid, Refused } from '@/lib/errors';
import { LIMITS, RateLimiter } from '@/lib/rate-limit/limiter';
import { signInWithLimits } from '@/lib/auth/sign-in';
import { verifyCredentials } from '@/lib/users/verify-credentials';
import { changePassword } from '@/lib/users/change-password';
import { verifyResellerMpnId } from '@/lib/subscriptions/verify-reseller-mpn-id';

// The token pages read the client's address from the request headers.
const requestHeaders = vi.hoisted(() => ({ current: new Headers() }));
vi.mock('next/headers', () => ({ headers: async () => requestHeaders.current }));

beforeEach(resetDatabase);
afterEach(() => clock.reset());

const MINUTE = 60_000;
const ADDRESS = '203.0.113.7';

async function attempt(email: string, password: string, address = ADDRESS) {
  return signInWithLimits({ email, password }, address);
}

async function provider() {
  const org = await makeOrg('INDIRECT_PROVIDER');
  return makeUser('ADMIN', { organizationId: org.id });
}

describe('sign-in per account: 5 failures in 15 minutes, then a wait', () => {
  it('refuses the 6th attempt for an existing email, even with the right password, until the window ends', async () => {
    const user = await provider();
    for (let i = 0; i < 5; i++) expect(await attempt(user.email, `wrong-password-${i}`)).toEqual({ failed: true });
    const sixth = await attempt(user.email, PASSWORD);
    expect(sixth).toMatchObject({ blocked: { retryAfterMs: expect.any(Number) } });
    expect((sixth as { blocked: { retryAfterMs: number } }).blocked.retryAfterMs).toBeGreaterThan(14 * MINUTE);
    // Another address does not help: the limit is the account's.
    expect(await attempt(user.email, PASSWORD, '198.51.100.1')).toHaveProperty('blocked');
    clock.advance(14 * MINUTE);
    expect(await attempt(user.email, PASSWORD)).toHaveProperty('blocked');
    clock.advance(MINUTE + 1000);
    expect(await attempt(user.email, PASSWORD)).toMatchObject({ user: { id: user.id } });
  });

  it('answers an unknown email exactly as an existing one (same counts, same refusal)', async () => {
    const user = await provider();
    const unknown = 'nobody-here@test.example';
    for (let i = 0; i < 5; i++) {
      expect(await attempt(unknown, `wrong-password-${i}`)).toEqual({ failed: true });
      expect(await attempt(user.email, `wrong-password-${i}`)).toEqual({ failed: true });
    }
    const a = await attempt(unknown, PASSWORD);
    const b = await attempt(user.email, PASSWORD);
    expect(Object.keys(a)).toEqual(['blocked']);
    expect(Object.keys(b)).toEqual(['blocked']);
    expect(
      Math.abs(
        (a as { blocked: { retryAfterMs: number } }).blocked.retryAfterMs -
          (b as { blocked: { retryAfterMs: number } }).blocked.retryAfterMs,
      ),
    ).toBeLessThan(5000);
  });

  it('counts the email however it is typed, and a success forgets earlier failures', async () => {
    const user = await provider();
    for (let i = 0; i < 4; i++) await attempt(i % 2 ? user.email.toUpperCase() : ` ${user.email} `, 'wrong-password');
    expect(await attempt(user.email, PASSWORD)).toHaveProperty('user');
    for (let i = 0; i < 4; i++) expect(await attempt(user.email, 'wrong-password')).toEqual({ failed: true });
    expect(await attempt(user.email, PASSWORD)).toHaveProperty('user');
    for (let i = 0; i < 5; i++) await attempt(user.email.toUpperCase(), 'wrong-password');
    expect(await attempt(user.email, PASSWORD)).toHaveProperty('blocked');
  });
});

describe('sign-in per address: 20 failures in 15 minutes across accounts', () => {
  it('refuses every account from that address, and no other address', async () => {
    const user = await provider();
    for (let i = 0; i < 20; i++)
      expect(await attempt(`guess-${i}@test.example`, 'wrong-password')).toEqual({ failed: true });
    expect(await attempt(user.email, PASSWORD)).toHaveProperty('blocked');
    expect(await attempt(user.email, PASSWORD, '198.51.100.2')).toMatchObject({ user: { id: user.id } });
    clock.advance(15 * MINUTE + 1000);
    expect(await attempt(user.email, PASSWORD)).toMatchObject({ user: { id: user.id } });
  });
});

describe('sign-in timing', () => {
  it('takes as long for an unknown email as for a wrong password (a dummy hash is checked)', async () => {
    const user = await provider();
    const time = async (email: string) => {
      const start = performance.now();
      await verifyCredentials({ email, password: 'wrong-password-1' });
      return performance.now() - start;
    };
    await time(user.email); // warm-up: the dummy hash is made once
    await time('warm-up@test.example');
    const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      known.push(await time(user.email));
      unknown.push(await time(`unknown-${i}@test.example`));
    }
    const ratio = median(unknown) / median(known);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });
});

describe('the count lives in PostgreSQL', () => {
  it('two limiters with their own connections (two web processes) share one count, also under concurrency', async () => {
    const url = process.env.DATABASE_URL!;
    const other = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }) });
    try {
      const a = new RateLimiter(LIMITS.signInAccount);
      const b = new RateLimiter(LIMITS.signInAccount, () => other);
      await a.hit('shared@test.example');
      await b.hit('shared@test.example');
      await Promise.all([a.hit('shared@test.example'), b.hit('shared@test.example')]);
      expect(await a.check('shared@test.example')).toBeNull();
      const { count, blocked } = await b.hit('shared@test.example');
      expect(count).toBe(5);
      expect(blocked).not.toBeNull();
      expect(await a.check('shared@test.example')).not.toBeNull();
      expect(await b.check('other@test.example')).toBeNull();
      // The table holds no emails.
      const keys = await db().rateLimit.findMany({ select: { key: true } });
      expect(keys.map((k) => k.key).join()).not.toContain('shared');
    } finally {
      await other.$disconnect();
    }
  });
});

describe('password change: 5 wrong current passwords in 15 minutes', () => {
  it('refuses the 6th with the wait message, even with the right password, until the window ends', async () => {
    const org = await makeOrg('INDIRECT_PROVIDER');
    const ctx = await makeCtx('ADMIN', { organizationId: org.id });
    const input = (currentPassword: string) => ({
      currentPassword,
      newPassword: 'Another-Passw0rd!',
      confirmPassword: 'Another-Passw0rd!',
    });
    for (let i = 0; i < 5; i++)
      await expect(changePassword(ctx, input(`wrong-password-${i}`))).rejects.toBeInstanceOf(Invalid);
    const error = await changePassword(ctx, input(PASSWORD)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Refused);
    expect(error).toMatchObject({ messageKey: 'errors.tooManyAttempts', values: { minutes: 15 } });
    clock.advance(15 * MINUTE + 1000);
    await expect(changePassword(ctx, input(PASSWORD))).resolves.toMatchObject({ email: ctx.email });
  });
});

describe('Verify of MPN IDs: 20 per user in 15 minutes', () => {
  it('refuses the 21st Verify of that user only', async () => {
    const { provider: org, resellerB, subscription } = await makeSubscriptionSetup();
    const ctx = await makeCtx('ADMIN_AGENT', { organizationId: org.id });
    const colleague = await makeCtx('ADMIN_AGENT', { organizationId: org.id });
    for (let i = 0; i < 20; i++) {
      await verifyResellerMpnId(ctx, subscription.id, String(9000000 + i)).catch((e: unknown) =>
        expect(e).toBeInstanceOf(Refused),
      );
    }
    const error = await verifyResellerMpnId(ctx, subscription.id, resellerB.mpnId!).catch((e: unknown) => e);
    expect(error).toMatchObject({ messageKey: 'errors.tooManyAttempts' });
    expect(await verifyResellerMpnId(colleague, subscription.id, resellerB.mpnId!)).toMatchObject({ id: resellerB.id });
    clock.advance(15 * MINUTE + 1000);
    expect(await verifyResellerMpnId(ctx, subscription.id, resellerB.mpnId!)).toMatchObject({ id: resellerB.id });
  });
});

describe('partnership and relationship links: 10 unknown tokens per address in 15 minutes', () => {
  it('refuses the address after 10 invalid tokens; other addresses still open links', async () => {
    const { countInvalidToken, tokenLinksRefused } = await import('@/lib/rate-limit/token-links');
    requestHeaders.current = new Headers({ 'x-pc-client-address': ADDRESS });
    for (let i = 0; i < 10; i++) {
      expect(await tokenLinksRefused()).toBeNull();
      await countInvalidToken();
    }
    expect(await tokenLinksRefused()).toBe(15);
    requestHeaders.current = new Headers({ 'x-pc-client-address': '198.51.100.3' });
    expect(await tokenLinksRefused()).toBeNull();
    // X-Forwarded-For is the client's own claim unless TRUST_PROXY says a proxy wrote it.
    requestHeaders.current = new Headers({ 'x-pc-client-address': ADDRESS, 'x-forwarded-for': '198.51.100.4' });
    expect(await tokenLinksRefused()).toBe(15);
    vi.stubEnv('TRUST_PROXY', '1');
    try {
      requestHeaders.current = new Headers({
        'x-pc-client-address': '10.0.0.2',
        'x-forwarded-for': `198.51.100.9, ${ADDRESS}`,
      });
      expect(await tokenLinksRefused()).toBe(15);
      requestHeaders.current = new Headers({
        'x-pc-client-address': '10.0.0.2',
        'x-forwarded-for': `${ADDRESS}, 198.51.100.9`,
      });
      expect(await tokenLinksRefused()).toBeNull();
    } finally {
      vi.unstubAllEnvs();
    }
    clock.advance(15 * MINUTE + 1000);
    requestHeaders.current = new Headers({ 'x-pc-client-address': ADDRESS });
    expect(await tokenLinksRefused()).toBeNull();
  });
});
