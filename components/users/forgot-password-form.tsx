'use client';
import { useActionState } from 'react';
import { useTranslations } from '@/components/ui/intl';
import type { ActionState } from '@/lib/pipeline/form-state';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';

type Props = {
  minutes: number;
  action: (prev: ActionState<{ email: string }> | undefined, form: FormData) => Promise<ActionState<{ email: string }>>;
};

/** Forgot password?: one email field; the same answer whether or not an account uses it. */
export function ForgotPasswordForm({ minutes, action }: Props) {
  const t = useTranslations('userLink');
  const ts = useTranslations('signIn');
  const [state, run, pending] = useActionState(action, undefined);
  if (state?.ok && state.data)
    return (
      <p role="status" className="rounded border border-slate-200 bg-white p-4 text-sm">
        {t('forgotSent', { email: state.data.email, minutes })}
      </p>
    );
  const typed = state && !state.ok ? state.values : undefined;
  return (
    <form action={run} className="flex flex-col gap-4">
      {state && !state.ok && state.formError && !state.fieldErrors ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {state.formError}
        </p>
      ) : null}
      <Field
        label={ts('email')}
        name="email"
        type="email"
        autoComplete="username"
        required
        defaultValue={String(typed?.email ?? '')}
        errors={state && !state.ok ? state.fieldErrors?.email : undefined}
      />
      <Button type="submit" disabled={pending}>
        {t('forgotSubmit')}
      </Button>
    </form>
  );
}
