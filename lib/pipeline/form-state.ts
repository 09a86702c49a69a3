import { Conflict, Invalid, NotFound, Refused, Unauthenticated } from '@/lib/errors';
import { isDatabaseUnavailable } from '@/lib/db';

/** What a form gets back from its server action. */
export type ActionState<T = unknown> = {
  ok: boolean;
  fieldErrors?: Record<string, string[]>;
  formError?: string;
  data?: T;
  /** What was typed, sent back on a refusal for actions that ask for it (`echo`), so nothing is lost. */
  values?: Record<string, string | string[]>;
};

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** Every domain error as translated form state; anything else (a bug, a redirect) is thrown on. */
export function toFormState(error: unknown, tr: Translate): ActionState<never> {
  if (error instanceof Invalid) {
    const fieldErrors = Object.fromEntries(
      Object.entries(error.fieldErrors).map(([field, keys]) => [
        field,
        keys.map((k) => (typeof k === 'string' ? tr(k) : tr(k.key, k.values))),
      ]),
    );
    return { ok: false, fieldErrors, formError: error.formError ? tr(error.formError) : tr('errors.checkFields') };
  }
  if (error instanceof Unauthenticated) return { ok: false, formError: tr('errors.signInAgain') };
  if (error instanceof NotFound) return { ok: false, formError: tr('errors.notFound') };
  if (error instanceof Refused) return { ok: false, formError: tr(error.messageKey, error.values) };
  if (error instanceof Conflict) return { ok: false, formError: tr(error.messageKey) };
  // A database restarting or out of connections: nothing was written (the
  // transaction did not commit), so the user can simply try again.
  if (isDatabaseUnavailable(error)) {
    console.error('[action] database unavailable:', error instanceof Error ? error.message : String(error));
    return { ok: false, formError: tr('errors.unavailable') };
  }
  throw error;
}
