import 'server-only';
import { isDatabaseUnavailable } from '@/lib/db';
import { Conflict, Invalid, NotFound, Refused, Unauthenticated } from '@/lib/errors';
import type { Translate } from '@/lib/pipeline/form-state';

// Errors of the Partner API as RFC 9457 problem details
// (application/problem+json): a stable `code` for every rule, the rule's id
// (R7…) when it has one, a message in the caller's language, and field
// errors under `errors`. Never a stack trace, SQL or an internal name.

export type FieldProblem = { pointer: string; code: string; detail: string };

export type Problem = {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  rule?: string;
  errors?: FieldProblem[];
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Codes of the rules whose message key alone would not say it well. */
const CODES: Record<string, string> = {
  'errors.forbidden': 'insufficient_scope',
  'errors.conflict': 'stale_version',
  'subscriptionDetail.errors.reduceWindow': 'change_window_closed',
  'subscriptionDetail.errors.cancelWindow': 'change_window_closed',
  'partnerships.errors.alreadyEnded': 'partnership_ended',
  'partnerships.errors.partnershipRequired': 'partnership_required',
};

/** A message key as a stable snake_case code: `orders.errors.quantityRange` → `quantity_range`. */
export function codeOf(messageKey: string): string {
  if (CODES[messageKey]) return CODES[messageKey]!;
  const parts = messageKey.split('.');
  const last = parts.slice(parts[parts.length - 2] === 'errors' ? -1 : -2).join('_');
  return last.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

export function problem(status: number, code: string, detail?: string, extra: Partial<Problem> = {}): Problem {
  return { type: `/api/docs#problem-${code}`, title: TITLES[status] ?? 'Error', status, code, detail, ...extra };
}

/** A field path as a JSON pointer: `lines.off_1` → `/lines/off_1`. */
const pointer = (field: string) => `/${field.split('.').join('/')}`;

/**
 * A domain error as a problem. `stale` is the status of a stale version:
 * 412 when the caller sent If-Match, 409 otherwise. Anything that is not a
 * domain error nor a database outage is a bug: null (the caller logs it and
 * answers a bare 500).
 */
export function problemOf(error: unknown, tr: Translate, stale: 409 | 412 = 409): Problem | null {
  if (error instanceof Invalid) {
    const errors = Object.entries(error.fieldErrors).flatMap(([field, messages]) =>
      messages.map((m) => {
        const key = typeof m === 'string' ? m : m.key;
        return {
          pointer: pointer(field),
          code: codeOf(key),
          detail: typeof m === 'string' ? tr(m) : tr(m.key, m.values),
        };
      }),
    );
    const single = errors.length === 1 && !error.formError ? errors[0]!.code : undefined;
    const detail = tr(error.formError ?? 'errors.fieldsInvalid');
    return problem(422, error.formError ? codeOf(error.formError) : (single ?? 'invalid_input'), detail, { errors });
  }
  if (error instanceof Unauthenticated) return problem(401, 'unauthorized', 'A valid access token is required.');
  if (error instanceof NotFound) return problem(404, 'not_found', tr('errors.notFound'));
  if (error instanceof Refused) {
    if (error.messageKey === 'errors.forbidden') return problem(403, 'insufficient_scope', tr(error.messageKey));
    const status = error.messageKey === 'errors.tooManyAttempts' ? 429 : 422;
    return problem(status, codeOf(error.messageKey), tr(error.messageKey, error.values), {
      ...(error.rule ? { rule: error.rule } : {}),
    });
  }
  if (error instanceof Conflict) return problem(stale, codeOf(error.messageKey), tr(error.messageKey));
  if (isDatabaseUnavailable(error)) return problem(503, 'unavailable', tr('errors.unavailable'));
  return null;
}

/** A problem as an HTTP answer. */
export function problemResponse(p: Problem, headers: Record<string, string> = {}): Response {
  const body = Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined));
  return new Response(JSON.stringify(body), {
    status: p.status,
    headers: { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store', ...headers },
  });
}
