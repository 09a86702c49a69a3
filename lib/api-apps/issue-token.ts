import 'server-only';
import { limiters } from '@/lib/rate-limit/limiter';
import { signAccessToken, TOKEN_SECONDS } from './access-token';
import { SCOPE_NAMES, type ApiScope } from './scopes';
import { verifyClient } from './verify-client';

/** A token request as the route read it (RFC 6749 §4.4): the client from Basic auth or the body. */
export type TokenRequest = {
  grantType: string | null;
  clientId: string | null;
  clientSecret: string | null;
  /** Space-separated; absent: every scope of the app. */
  scope: string | null;
  /** The client authenticated with HTTP Basic (a refusal then answers 401 with WWW-Authenticate). */
  basic: boolean;
};

type OAuthError = 'invalid_request' | 'invalid_client' | 'unsupported_grant_type' | 'invalid_scope' | 'slow_down';

export type TokenAnswer =
  | { ok: true; body: { access_token: string; token_type: 'Bearer'; expires_in: number; scope: string } }
  | { ok: false; status: 400 | 401 | 429; error: OAuthError; description: string; retryAfterSeconds?: number };

const refuse = (
  status: 400 | 401 | 429,
  error: OAuthError,
  description: string,
  retryAfterSeconds?: number,
): TokenAnswer => ({ ok: false, status, error, description, retryAfterSeconds });

/**
 * OAuth 2.0 client credentials: the app's client id and secret for a
 * one-hour access token with the app's scopes, or fewer (`scope`). Failed
 * client checks are limited like sign-in: after 5 for one client id or 20
 * from one address in 15 minutes, every request is refused until the window
 * ends; a success forgets the client id's failures.
 */
export async function issueToken(request: TokenRequest, address: string): Promise<TokenAnswer> {
  if (request.grantType !== 'client_credentials')
    return request.grantType === null
      ? refuse(400, 'invalid_request', 'grant_type is required.')
      : refuse(400, 'unsupported_grant_type', 'Only client_credentials is supported.');
  if (!request.clientId || !request.clientSecret)
    return refuse(request.basic ? 401 : 400, 'invalid_client', 'Client authentication failed.');
  const client = request.clientId.slice(0, 100);
  const blocked = (await Promise.all([limiters.apiTokenClient.check(client), limiters.apiTokenAddress.check(address)]))
    .filter((b) => b !== null)
    .map((b) => b.retryAfterMs);
  if (blocked.length)
    return refuse(
      429,
      'slow_down',
      'Too many failed attempts; try again later.',
      Math.ceil(Math.max(...blocked) / 1000),
    );
  const app = await verifyClient(request.clientId, request.clientSecret);
  if (!app) {
    await Promise.all([limiters.apiTokenClient.hit(client), limiters.apiTokenAddress.hit(address)]);
    return refuse(401, 'invalid_client', 'Client authentication failed.');
  }
  await limiters.apiTokenClient.clear(client);
  const asked = request.scope === null ? app.scopes : request.scope.split(' ').filter(Boolean);
  const known = (s: string): s is ApiScope => (SCOPE_NAMES as string[]).includes(s);
  if (asked.length === 0 || !asked.every((s) => known(s) && app.scopes.includes(s)))
    return refuse(400, 'invalid_scope', 'The scope asks for more than the app holds.');
  const scopes = [...new Set(asked as ApiScope[])];
  const token = await signAccessToken({ appId: app.appId, organizationId: app.organizationId, scopes });
  return {
    ok: true,
    body: { access_token: token, token_type: 'Bearer', expires_in: TOKEN_SECONDS, scope: scopes.join(' ') },
  };
}
