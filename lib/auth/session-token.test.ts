import { afterEach, describe, expect, it, vi } from 'vitest';
import { decode, encode } from 'next-auth/jwt';
import { decodeSessionToken, encodeSessionToken } from './session-token';

const secret = 'a-test-secret-of-thirty-two-chars!!';
const claims = { uid: 'user-1', sv: 3, auth: 1_700_000_000_000, seen: 1_700_000_000_000 };

// The portal makes and reads session tokens with a key derived once per
// process; a token must stay exactly what next-auth makes and reads.
describe('session token', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads a token next-auth made, and next-auth reads one made here', async () => {
    const byNextAuth = await encode({ token: claims, secret, maxAge: 60 });
    expect(await decodeSessionToken({ token: byNextAuth, secret })).toMatchObject(claims);
    const ours = await encodeSessionToken({ token: claims, secret, maxAge: 60 });
    expect(await decode({ token: ours, secret })).toMatchObject(claims);
  });

  it('refuses a token made with another secret, or altered', async () => {
    const token = await encodeSessionToken({ token: claims, secret, maxAge: 60 });
    await expect(decodeSessionToken({ token, secret: `${secret}x` })).rejects.toThrow();
    // A secret used after another still gets its own key (the kept key follows the secret).
    expect(await decodeSessionToken({ token, secret })).toMatchObject(claims);
    const [header, key, iv, body, tag] = token.split('.');
    const flipped = body!.slice(0, -2) + (body!.endsWith('AA') ? 'BA' : 'AA');
    await expect(decodeSessionToken({ token: [header, key, iv, flipped, tag].join('.'), secret })).rejects.toThrow();
  });

  it('refuses a token past its lifetime (next-auth allows 15 s of clock skew)', async () => {
    const token = await encodeSessionToken({ token: claims, secret, maxAge: -16 });
    await expect(decodeSessionToken({ token, secret })).rejects.toThrow(/exp/);
    const fresh = await encodeSessionToken({ token: claims, secret, maxAge: -10 });
    expect(await decodeSessionToken({ token: fresh, secret })).toMatchObject(claims);
  });

  it('a token read before is refused once it expires, and its claims cannot be changed through a reader', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const token = await encodeSessionToken({ token: claims, secret, maxAge: 60 });
    const first = await decodeSessionToken({ token, secret });
    first!.uid = 'someone-else';
    const second = await decodeSessionToken({ token, secret });
    expect(second).toMatchObject(claims);
    second!.uid = 'someone-else';
    expect(await decodeSessionToken({ token, secret })).toMatchObject(claims);
    vi.setSystemTime(Date.now() + 74_000); // 14 s past exp: within next-auth's skew
    expect(await decodeSessionToken({ token, secret })).toMatchObject(claims);
    vi.setSystemTime(Date.now() + 2_000);
    await expect(decodeSessionToken({ token, secret })).rejects.toThrow(/exp/);
    await expect(decodeSessionToken({ token, secret: `${secret}x` })).rejects.toThrow();
  });

  it('an absent token is no session', async () => {
    expect(await decodeSessionToken({ token: undefined, secret })).toBeNull();
  });
});
