// OAuth 2.0 client credentials at POST /api/oauth/token (RFC 6749 §4.4, errors
// §5.2): client_secret_basic and client_secret_post, scope narrowing, one-hour
// signed tokens checked against their app on every use, failures limited like
// sign-in. The route handler is called as Next.js calls it.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeCtx, makeOrg } from '../factories';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import { createApiApp } from '@/lib/api-apps/create-api-app';
import { revokeApiApp } from '@/lib/api-apps/revoke-api-app';
import { verifyAccessToken } from '@/lib/api-apps/access-token';
import { POST } from '@/app/api/oauth/token/route';

const URL_ = 'http://portal.test/api/oauth/token';
const FORM = 'application/x-www-form-urlencoded';

beforeEach(() => {
  vi.stubEnv('NEXTAUTH_SECRET', 'a-test-secret-for-api-tokens-0123456789');
  clock.reset();
  return resetDatabase();
});

async function app(scopes = ['customers.read', 'orders.write']) {
  const provider = await makeOrg('INDIRECT_PROVIDER');
  const ctx = await makeCtx('ADMIN', { organizationId: provider.id });
  return { provider, ctx, ...(await createApiApp(ctx, { name: 'Sync', scopes })) };
}

function post(body: Record<string, string>, headers: Record<string, string> = {}) {
  return POST(
    new Request(URL_, {
      method: 'POST',
      headers: { 'content-type': FORM, 'x-pc-client-address': '203.0.113.7', ...headers },
      body: new URLSearchParams(body).toString(),
    }),
  );
}

const basic = (id: string, secret: string) => ({
  authorization: `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`,
});

describe('POST /api/oauth/token', () => {
  it('issues a one-hour bearer token for client_secret_post and client_secret_basic, not cached', async () => {
    const a = await app();
    for (const res of [
      await post({ grant_type: 'client_credentials', client_id: a.clientId, client_secret: a.clientSecret }),
      await post({ grant_type: 'client_credentials' }, basic(a.clientId, a.clientSecret)),
    ]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const body = await res.json();
      expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'customers.read orders.write' });
      expect(await verifyAccessToken(body.access_token)).toMatchObject({
        appId: a.appId,
        organizationId: a.provider.id,
        scopes: ['customers.read', 'orders.write'],
      });
    }
  });

  it('narrows to the scopes asked for, and refuses a scope the app does not hold (invalid_scope)', async () => {
    const a = await app();
    const auth = basic(a.clientId, a.clientSecret);
    const narrow = await post({ grant_type: 'client_credentials', scope: 'orders.write' }, auth);
    expect((await narrow.json()).scope).toBe('orders.write');
    for (const scope of ['reports.read', 'customers.read nonsense', '']) {
      const res = await post({ grant_type: 'client_credentials', scope }, auth);
      expect(res.status).toBe(400);
      expect((await res.json()).error).toBe('invalid_scope');
    }
  });

  it('answers RFC 6749 errors: wrong secret, unknown grant, missing grant, two client methods, bad content type', async () => {
    const a = await app();
    const wrong = await post({ grant_type: 'client_credentials' }, basic(a.clientId, `${a.clientSecret}x`));
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toContain('Basic');
    expect((await wrong.json()).error).toBe('invalid_client');
    const inBody = await post({ grant_type: 'client_credentials', client_id: a.clientId, client_secret: 'nope' });
    expect(inBody.status).toBe(401);
    expect((await inBody.json()).error).toBe('invalid_client');
    const grant = await post({ grant_type: 'password' }, basic(a.clientId, a.clientSecret));
    expect((await grant.json()).error).toBe('unsupported_grant_type');
    const missing = await post({}, basic(a.clientId, a.clientSecret));
    expect((await missing.json()).error).toBe('invalid_request');
    const both = await post(
      { grant_type: 'client_credentials', client_secret: a.clientSecret },
      basic(a.clientId, a.clientSecret),
    );
    expect(both.status).toBe(401);
    const json = await POST(
      new Request(URL_, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
    );
    expect(json.status).toBe(400);
    expect((await json.json()).error).toBe('invalid_request');
    const nul = await post({ grant_type: 'client_credentials', client_id: 'pcapp_\u0000', client_secret: 'x' });
    expect(nul.status).toBe(401);
    const body = JSON.stringify(await (await post({ grant_type: 'client_credentials' }, basic('x', 'y'))).json());
    expect(body).not.toMatch(/prisma|select|stack|at \//i);
  });

  it('limits failures like sign-in: the 6th try for one client id is refused even with the right secret', async () => {
    const a = await app();
    for (let i = 0; i < 5; i++) {
      const res = await post({ grant_type: 'client_credentials' }, basic(a.clientId, 'wrong'));
      expect(res.status).toBe(401);
    }
    const blocked = await post({ grant_type: 'client_credentials' }, basic(a.clientId, a.clientSecret));
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    clock.advance(15 * 60_000 + 1000);
    expect((await post({ grant_type: 'client_credentials' }, basic(a.clientId, a.clientSecret))).status).toBe(200);
  });

  it('a token stops at once when its app is revoked, after its hour, or when altered', async () => {
    const a = await app();
    const res = await post({ grant_type: 'client_credentials' }, basic(a.clientId, a.clientSecret));
    const { access_token: token } = await res.json();
    expect(await verifyAccessToken(token)).not.toBeNull();
    const [head, payload, signature] = token.split('.');
    const forged = JSON.parse(Buffer.from(payload, 'base64url').toString());
    forged.scope = 'customers.read orders.write reports.read';
    const altered = `${head}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature}`;
    expect(await verifyAccessToken(altered)).toBeNull();
    expect(await verifyAccessToken(`${token}x`)).toBeNull();
    clock.advance(3601_000);
    expect(await verifyAccessToken(token)).toBeNull();
    clock.reset();
    expect(await verifyAccessToken(token)).not.toBeNull();
    await revokeApiApp(a.ctx, { appId: a.appId });
    expect(await verifyAccessToken(token)).toBeNull();
    const after = await post({ grant_type: 'client_credentials' }, basic(a.clientId, a.clientSecret));
    expect(after.status).toBe(401);
    // A token signed with another secret is not one of ours.
    vi.stubEnv('NEXTAUTH_SECRET', 'another-secret-0123456789-0123456789');
    const b = await app();
    const other = await (await post({ grant_type: 'client_credentials' }, basic(b.clientId, b.clientSecret))).json();
    vi.stubEnv('NEXTAUTH_SECRET', 'a-test-secret-for-api-tokens-0123456789');
    expect(await verifyAccessToken(other.access_token)).toBeNull();
    expect(await db().apiApp.count({ where: { lastUsedAt: { not: null } } })).toBe(2);
  });
});
