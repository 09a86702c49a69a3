import 'server-only';
import { z } from 'zod';
import { getTranslations } from 'next-intl/server';
import { getCtx } from '@/lib/auth/session';
import { assertCan, type Permission } from '@/lib/authz/policy';
import type { Ctx } from '@/lib/authz/context';
import { Conflict, Invalid, NotFound, Refused, Unauthenticated } from '@/lib/errors';
import { isDatabaseUnavailable } from '@/lib/db';
import { fieldsWithNul } from '@/lib/validation/text';

export type ActionState<T = unknown> = {
  ok: boolean;
  fieldErrors?: Record<string, string[]>;
  formError?: string;
  data?: T;
};

type Options<S extends z.ZodType, T> = {
  /** The permission a reviewer sees next to the action. */
  permission: Permission;
  input: S;
  run: (ctx: Ctx, input: z.infer<S>) => Promise<T>;
  /** Only the change-password action runs before the forced change. */
  allowBeforePasswordChange?: boolean;
};

function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith('$ACTION')) continue;
    const prev = out[key];
    if (prev === undefined) out[key] = value;
    else out[key] = Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

/**
 * A server action: session (none → error), permission, zod input, the domain
 * function, and every error mapped to translated form state. The domain
 * function checks scope and rules again; this wrapper is not the boundary.
 */
export function defineAction<S extends z.ZodType, T>(options: Options<S, T>) {
  return async (_prev: ActionState<T> | undefined, formData: FormData): Promise<ActionState<T>> => {
    const t = await getTranslations();
    const ctx = await getCtx();
    try {
      if (!ctx) throw new Unauthenticated();
      if (ctx.mustChangePassword && !options.allowBeforePasswordChange) throw new Refused('errors.mustChangePassword');
      assertCan(ctx, options.permission);
      const raw = formDataToObject(formData);
      // PostgreSQL text cannot hold NUL: refused here, with the field named, rather than failing in the database.
      const withNul = fieldsWithNul(raw);
      if (withNul.length > 0)
        throw new Invalid(Object.fromEntries(withNul.map((field) => [field, ['errors.invalidValue']])));
      const parsed = options.input.safeParse(raw);
      if (!parsed.success) {
        const fieldErrors: Record<string, string[]> = {};
        for (const issue of parsed.error.issues) {
          const key = String(issue.path[0] ?? '_form');
          (fieldErrors[key] ??= []).push(issue.message);
        }
        throw new Invalid(fieldErrors);
      }
      const data = await options.run(ctx, parsed.data);
      return { ok: true, data };
    } catch (error) {
      return toFormState(error, (key, values) => translate(t, key, values));
    }
  };
}

type Translator = Awaited<ReturnType<typeof getTranslations>>;

function translate(t: Translator, key: string, values?: Record<string, string | number>): string {
  // zod's own messages (not catalog keys) fall back to a generic one.
  return t.has(key) ? t(key, values) : t('errors.invalidValue');
}

export function toFormState(
  error: unknown,
  tr: (key: string, values?: Record<string, string | number>) => string,
): ActionState<never> {
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
