import 'server-only';
import { verifyAccessToken, type AccessCaller } from '@/lib/api-apps/access-token';
import { clientAddressFrom } from '@/lib/auth/client-address';
import { assertAudience } from '@/lib/authz/policy';
import { translatorFor } from '@/lib/i18n/translator';
import { readEnv } from '@/lib/env/schema';
import { LIMITS, RateLimiter } from '@/lib/rate-limit/limiter';
import type { Translate } from '@/lib/pipeline/form-state';
import { encodeCursor } from './cursor';
import { etagOf, versionFromIfMatch } from './etag';
import { claimKey, requestHash, settleKey, validIdempotencyKey, type StoredAnswer } from './idempotency';
import type { ApiOperation, ApiPage, ApiResult } from './operation';
import { problem, problemOf, problemResponse, type Problem } from './problem';
import { takeQuota } from './quota';
import { readBody, readParams, readQuery } from './read-request';

// Every Partner API request passes these gates, in order: the bearer token
// (its app read again: revoked means refused), the app's quota, the scope
// the operation names, If-Match on a PATCH, the path, query and body, the
// Idempotency-Key on a POST; then the operation's run, which calls the same
// domain function as the portal (which checks reach and rules again).

type RouteContext = { params: Promise<Record<string, string | string[]>> };
type Headers = Record<string, string>;

const BEARER = 'Bearer realm="partner-center"';
const publicLimiter = new RateLimiter(LIMITS.publicAddress);

function translator(request: Request): Translate {
  const ja = /^\s*ja\b/i.test(request.headers.get('accept-language') ?? '');
  // Message keys come from domain errors at run time: looked up as plain strings.
  const t = translatorFor(ja ? 'ja' : 'en') as unknown as {
    (key: string, values?: Record<string, string | number>): string;
    has: (key: string) => boolean;
  };
  return (key, values) => (t.has(key) ? t(key, values) : t('errors.invalidValue'));
}

function json(status: number, body: unknown, headers: Headers): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers },
  });
}

/** The caller of a scoped operation, or the 401 / 403 problem that refuses it. */
async function authenticate(request: Request, scope: string): Promise<AccessCaller | Response> {
  const header = request.headers.get('authorization') ?? '';
  const token = /^Bearer ([A-Za-z0-9._~+/=-]+)$/i.exec(header.trim())?.[1];
  if (!token)
    return problemResponse(problem(401, 'unauthorized', 'Send an access token.'), { 'WWW-Authenticate': BEARER });
  const caller = await verifyAccessToken(token);
  if (!caller)
    return problemResponse(problem(401, 'invalid_token', 'The access token is invalid, expired or revoked.'), {
      'WWW-Authenticate': `${BEARER}, error="invalid_token"`,
    });
  if (!(caller.scopes as string[]).includes(scope))
    return problemResponse(problem(403, 'insufficient_scope', `This operation needs the scope ${scope}.`), {
      'WWW-Authenticate': `${BEARER}, error="insufficient_scope", scope="${scope}"`,
    });
  return caller;
}

function baseUrlOf(request: Request): string {
  const configured = readEnv('NEXTAUTH_URL');
  return configured ? new URL(configured).origin : new URL(request.url).origin;
}

/** A list's answer: `{ items, next, total }`, the next page also in a Link header. */
function pageAnswer(page: ApiPage, url: URL): { body: unknown; headers: Headers } {
  const next = page.nextCursor ? new URL(url) : null;
  if (next) next.searchParams.set('cursor', encodeCursor(page.nextCursor!));
  const total = page.total === undefined ? {} : { total: page.total, totalCapped: page.totalCapped ?? false };
  const body = { items: page.items, next: next ? `${next.pathname}${next.search}` : null, ...total };
  return { body, headers: next ? { Link: `<${next.pathname}${next.search}>; rel="next"` } : {} };
}

/** The route handler of an operation (`export const GET = apiHandler(listCustomers)`). */
export function apiHandler(operation: ApiOperation) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    const tr = translator(request);
    let quotaHeaders: Headers = {};
    const fail = (p: Problem, headers: Headers = {}) => problemResponse(p, { ...quotaHeaders, ...headers });
    try {
      let caller: AccessCaller | null = null;
      if (operation.scope) {
        const authenticated = await authenticate(request, operation.scope);
        if (authenticated instanceof Response) return authenticated;
        caller = authenticated;
        const quota = await takeQuota(caller.appId);
        quotaHeaders = quota.headers;
        if (!quota.allowed) return fail(problem(429, 'quota_exceeded', 'The app sent too many requests.'));
        if (operation.audience) assertAudience(caller.ctx, operation.audience);
      } else {
        const blocked = await publicLimiter.consume(clientAddressFrom(request.headers));
        if (blocked)
          return fail(problem(429, 'rate_limited', 'Too many requests.'), {
            'Retry-After': String(Math.ceil(blocked.retryAfterMs / 1000)),
          });
      }
      let version = '';
      if (operation.ifMatch) {
        const named = versionFromIfMatch(request.headers.get('if-match'));
        if (named === undefined)
          return fail(problem(428, 'if_match_required', 'Send If-Match with the ETag of a GET.'));
        if (named === null) return fail(problem(412, 'stale_version', tr('errors.conflict')));
        version = named;
      }
      const url = new URL(request.url);
      const params = readParams(operation.params, await context.params);
      const query = readQuery(operation.query, url);
      const read = await readBody(operation.body, request);
      if (!read.ok) return fail(read.problem);
      const body = read.value;
      const key = operation.method === 'POST' ? (request.headers.get('idempotency-key') ?? undefined) : undefined;
      if (key !== undefined && !validIdempotencyKey(key))
        return fail(problem(400, 'invalid_idempotency_key', 'Idempotency-Key must be 1–200 visible ASCII characters.'));
      const run = async (): Promise<StoredAnswer> => {
        const result: ApiResult | ApiPage = await operation.run({
          ctx: caller?.ctx as never,
          params,
          query,
          body,
          version,
          idempotencyKey: key,
          baseUrl: baseUrlOf(request),
        } as never);
        if ('items' in result) {
          const page = pageAnswer(result, url);
          return { status: 200, body: page.body, headers: page.headers };
        }
        const headers: Headers = {};
        if (result.version !== undefined) headers.ETag = etagOf(result.version);
        if (result.location) headers.Location = result.location;
        return { status: operation.status ?? 200, body: result.body, headers };
      };
      const answer =
        operation.method === 'POST' && caller && key
          ? await idempotent(caller.appId, key, request, body, run, tr)
          : await run();
      const headers = { ...quotaHeaders, ...answer.headers };
      return answer.status >= 400 ? fail(answer.body as Problem, headers) : json(answer.status, answer.body, headers);
    } catch (error) {
      const p = problemOf(error, tr, operation.ifMatch ? 412 : 409);
      if (p) return fail(p, p.status === 503 ? { 'Retry-After': '5' } : {});
      console.error(`[api] ${operation.operationId} failed:`, error instanceof Error ? error.message : String(error));
      return fail(
        problem(500, 'internal_error', 'Something went wrong; nothing was changed unless a later GET shows it.'),
      );
    }
  };
}

/** Runs a POST once per app and Idempotency-Key; replays its first answer (its refusals too). */
async function idempotent(
  appId: string,
  key: string,
  request: Request,
  body: unknown,
  run: () => Promise<StoredAnswer>,
  tr: Translate,
): Promise<StoredAnswer> {
  const hash = requestHash(request.method, new URL(request.url).pathname, JSON.stringify(body ?? null));
  const claim = await claimKey(appId, key, hash);
  if (claim.kind === 'replay')
    return { ...claim.answer, headers: { ...claim.answer.headers, 'Idempotent-Replayed': 'true' } };
  if (claim.kind === 'mismatch') {
    const p = problem(422, 'idempotency_key_reused', 'This Idempotency-Key was sent with another request.');
    return { status: p.status, body: p, headers: {} };
  }
  if (claim.kind === 'in-progress') {
    const p = problem(409, 'idempotency_key_in_use', 'A request with this Idempotency-Key is still running.');
    return { status: p.status, body: p, headers: { 'Retry-After': '1' } };
  }
  let answer: StoredAnswer;
  try {
    answer = await run();
  } catch (error) {
    const p = problemOf(error, tr);
    answer = p ? { status: p.status, body: p, headers: {} } : { status: 500, body: null, headers: {} };
    await settleKey(appId, key, answer);
    throw error;
  }
  await settleKey(appId, key, answer);
  return answer;
}
