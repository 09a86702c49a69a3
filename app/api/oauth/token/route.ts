import { NextResponse } from 'next/server';
import { clientAddressFrom } from '@/lib/auth/client-address';
import { issueToken, type TokenRequest } from '@/lib/api-apps/issue-token';

// OAuth 2.0 client credentials (RFC 6749 §4.4) for the Partner API's apps:
// the client authenticates with HTTP Basic (client_secret_basic) or in the
// form body (client_secret_post), never both; errors as RFC 6749 §5.2.
export const dynamic = 'force-dynamic';

const MAX_BODY = 4096;
const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };

function oauthError(status: number, error: string, description: string, extra: Record<string, string> = {}) {
  return NextResponse.json({ error, error_description: description }, { status, headers: { ...NO_STORE, ...extra } });
}

/** The client id and secret of an `Authorization: Basic` header (each form-encoded, RFC 6749 §2.3.1), or null. */
function basicCredentials(header: string | null): { id: string; secret: string } | null | 'malformed' {
  if (!header) return null;
  const [scheme, value] = header.split(' ');
  if (scheme?.toLowerCase() !== 'basic' || !value) return 'malformed';
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return 'malformed';
  try {
    return {
      id: decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' ')),
      secret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' ')),
    };
  } catch {
    return 'malformed';
  }
}

export async function POST(request: Request) {
  if (!request.headers.get('content-type')?.toLowerCase().startsWith('application/x-www-form-urlencoded'))
    return oauthError(400, 'invalid_request', 'The body must be application/x-www-form-urlencoded.');
  const text = await request.text();
  if (text.length > MAX_BODY) return oauthError(400, 'invalid_request', 'The body is too large.');
  const form = new URLSearchParams(text);
  for (const name of ['grant_type', 'client_id', 'client_secret', 'scope'])
    if (form.getAll(name).length > 1) return oauthError(400, 'invalid_request', `${name} is repeated.`);
  const basic = basicCredentials(request.headers.get('authorization'));
  if (basic === 'malformed' || (basic && form.has('client_secret')))
    return oauthError(401, 'invalid_client', 'Client authentication failed.', {
      'WWW-Authenticate': 'Basic realm="partner-center"',
    });
  const tokenRequest: TokenRequest = {
    grantType: form.get('grant_type'),
    clientId: basic ? basic.id : form.get('client_id'),
    clientSecret: basic ? basic.secret : form.get('client_secret'),
    scope: form.get('scope'),
    basic: basic !== null,
  };
  const answer = await issueToken(tokenRequest, clientAddressFrom(request.headers));
  if (answer.ok) return NextResponse.json(answer.body, { headers: NO_STORE });
  const extra: Record<string, string> = {};
  if (answer.status === 401 && tokenRequest.basic) extra['WWW-Authenticate'] = 'Basic realm="partner-center"';
  if (answer.retryAfterSeconds) extra['Retry-After'] = String(answer.retryAfterSeconds);
  return oauthError(answer.status, answer.error, answer.description, extra);
}
