// Typed domain errors. Actions map them to form state, pages to 404 or a
// message; every message is a key in the message catalogs.

export class DomainError extends Error {}

/** The record does not exist or is outside the user's reach (R3: 404, never 403). */
export class NotFound extends DomainError {
  constructor(what = 'resource') {
    super(`${what} not found`);
  }
}

/** No session, or the session ended (sign-out, password change, disabled). */
export class Unauthenticated extends DomainError {
  constructor() {
    super('unauthenticated');
  }
}

/** A rule refused the action; `rule` is the SPEC rule id (R1…) when there is one. */
export class Refused extends DomainError {
  constructor(
    readonly messageKey: string,
    readonly rule?: string,
    readonly values?: Record<string, string | number>,
  ) {
    super(messageKey);
  }
}

/** Someone else changed the record first (R14). */
export class Conflict extends DomainError {
  constructor(readonly messageKey = 'errors.conflict') {
    super(messageKey);
  }
}

/** A message key, with the values its message names (e.g. an offer and its limits). */
export type FieldMessage = string | { key: string; values: Record<string, string | number> };

/** Input failed validation; keys are field names, values message keys. */
export class Invalid extends DomainError {
  constructor(
    readonly fieldErrors: Record<string, FieldMessage[]>,
    readonly formError?: string,
  ) {
    super('invalid input');
  }
}
