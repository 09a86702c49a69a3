'use client';
import { useActionState, useEffect, useRef } from 'react';
import { useTranslations } from '@/components/ui/intl';
import type { ActionState } from '@/lib/pipeline/form-state';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { signInWithCredentials } from '@/lib/auth/sign-in-client';

type Props = {
  token: string;
  submit: string;
  action: (prev: ActionState<{ email: string }> | undefined, form: FormData) => Promise<ActionState<{ email: string }>>;
};

/**
 * A new password through a mailed link (joining, or a reset): once set, it
 * signs in with it and goes home, as after a password change.
 */
export function PasswordLinkForm({ token, submit, action }: Props) {
  const t = useTranslations('userLink');
  const [state, run, pending] = useActionState(action, undefined);
  const typed = useRef('');

  useEffect(() => {
    if (!state?.ok || !state.data) return;
    // A user with a second factor goes on to the second step of sign-in.
    void signInWithCredentials({ email: state.data.email, password: typed.current })
      .catch(() => null)
      .then((result) => window.location.assign(result?.error === 'MfaRequired' ? '/sign-in/verify' : '/'));
  }, [state]);

  if (state?.ok)
    return (
      <p role="status" className="text-sm">
        {t('done')}
      </p>
    );
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form
      action={run}
      onSubmit={(e) => {
        typed.current = String(new FormData(e.currentTarget).get('newPassword') ?? '');
      }}
      className="flex flex-col gap-4"
    >
      {state && !state.ok && state.formError ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {state.formError}
        </p>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <Field
        label={t('newPassword')}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        errors={errors?.newPassword}
      />
      <Field
        label={t('confirmPassword')}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        errors={errors?.confirmPassword}
      />
      <p className="text-xs text-slate-600">{t('rules')}</p>
      <Button type="submit" disabled={pending}>
        {submit}
      </Button>
    </form>
  );
}
