import { afterEach, describe, expect, it, vi } from 'vitest';
import { relyingParty } from './relying-party';

describe('the WebAuthn relying party', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('is the host the browser used (its name without the port), on http or https', () => {
    vi.stubEnv('NEXTAUTH_URL', '');
    expect(relyingParty('localhost:3000')).toEqual({
      rpID: 'localhost',
      origins: ['http://localhost:3000', 'https://localhost:3000'],
    });
  });

  it('is NEXTAUTH_URL when set, whatever Host says (behind a proxy)', () => {
    vi.stubEnv('NEXTAUTH_URL', 'https://partners.example.com');
    expect(relyingParty('evil.example')).toEqual({
      rpID: 'partners.example.com',
      origins: ['https://partners.example.com'],
    });
  });
});
