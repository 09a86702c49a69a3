import 'server-only';
import type { z } from 'zod';
import { headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { getCtx } from '@/lib/auth/session';
import type { Ctx } from '@/lib/authz/context';
import { requestClientAddress } from '@/lib/auth/client-address';
import { Refused } from '@/lib/errors';
import { RateLimiter, waitMinutes, type Limit } from '@/lib/rate-limit/limiter';
import { echoedValues, formFields } from './form-fields';
import { toFormState, type ActionState, type Translate } from './form-state';
import { isSameOrigin } from './origin';
import { parseFields, runOperation, type InputOf, type Operation } from './run';

/**
 * A server action: with React's `useActionState` (previous state, form) or
 * as a plain `<form action>` (the form alone, the answer unused).
 */
export type ServerAction<T> = ((form: FormData) => Promise<void>) &
  ((prev: unknown, form: FormData) => Promise<ActionState<T>>);

type FormOptions = {
  /** Fields sent back as typed when the action is refused (never passwords). */
  echo?: readonly string[];
};

async function translator(): Promise<Translate> {
  const t = await getTranslations();
  // zod's own messages (not catalog keys) fall back to a generic one.
  return (key, values) => (t.has(key) ? t(key, values) : t('errors.invalidValue'));
}

function formOf(prevOrForm: unknown, form: FormData | undefined): FormData {
  return form ?? (prevOrForm instanceof FormData ? prevOrForm : new FormData());
}

/** One function for both ways a form calls a server action. */
function serverAction<T>(handle: (form: FormData) => Promise<ActionState<T>>): ServerAction<T> {
  return ((prevOrForm: unknown, form?: FormData) => handle(formOf(prevOrForm, form))) as ServerAction<T>;
}

async function refused<T>(error: unknown, form: FormData, options: FormOptions): Promise<ActionState<T>> {
  const state = toFormState(error, await translator());
  return options.echo ? { ...state, values: echoedValues(form, options.echo) } : state;
}

/**
 * Every signed-in server action of the portal: the gates of `runOperation`
 * (session, forced password change, declared permission, NUL bytes, the
 * domain's schema), then the domain function; each domain error comes back
 * as translated form state, with what was typed when `echo` names fields.
 */
export function defineAction<S extends z.ZodType | undefined = undefined, T = unknown>(
  operation: Operation<S, T> & FormOptions,
): ServerAction<T> {
  return serverAction(async (form) => {
    const ctx = await getCtx();
    try {
      return { ok: true, data: await runOperation(operation, ctx, formFields(form)) };
    } catch (error) {
      return refused<T>(error, form, operation);
    }
  });
}

type PublicOperation<S extends z.ZodType | undefined, T> = FormOptions & {
  /** Counted per client address before anything else; `none` only where refusing would harm (signing out). */
  rateLimit: Limit | 'none';
  input?: S;
  /** The session when there is one: a public action works with or without. */
  run: (ctx: Ctx | null, input: InputOf<S>) => Promise<T>;
};

/**
 * A server action anyone may send (enrolment, the language switch, signing
 * out): no permission, but the same other gates: the Origin check, a rate
 * limit per client address, and the input parsed (NUL bytes and schema).
 */
export function definePublicAction<S extends z.ZodType | undefined = undefined, T = unknown>(
  operation: PublicOperation<S, T>,
): ServerAction<T> {
  const limiter = operation.rateLimit === 'none' ? null : new RateLimiter(operation.rateLimit);
  return serverAction(async (form) => {
    try {
      if (!isSameOrigin(await headers())) throw new Refused('errors.forbidden');
      const blocked = limiter ? await limiter.consume(await requestClientAddress()) : null;
      if (blocked) throw new Refused('errors.tooManyAttempts', undefined, { minutes: waitMinutes(blocked) });
      const data = await operation.run(await getCtx(), parseFields(operation.input, formFields(form)));
      return { ok: true, data };
    } catch (error) {
      return refused<T>(error, form, operation);
    }
  });
}
