'use client';
import { useActionState, useEffect, useRef } from 'react';
import { useTranslations } from '@/components/ui/intl';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { signInWithCredentials } from '@/lib/auth/sign-in-client';
import { changePasswordAction } from '@/actions/account';

export function ChangePasswordForm() {
  const t = useTranslations('changePassword');
  const [state, action, pending] = useActionState(changePasswordAction, undefined);
  // React resets the form after the action; keep the new password to sign in with.
  const newPassword = useRef('');

  // Changing the password ended every session, this one too: sign in again
  // with the new password and go home.
  useEffect(() => {
    if (!state?.ok || !state.data) return;
    // A user with a second factor is asked for it (the pending sign-in is in an HttpOnly cookie).
    void signInWithCredentials({ email: state.data.email, password: newPassword.current })
      .then((result) => window.location.assign(result.error === 'MfaRequired' ? '/sign-in/verify' : '/'))
      .catch(() => window.location.assign('/'));
  }, [state]);

  return (
    <form
      action={action}
      onSubmit={(e) => {
        newPassword.current = String(new FormData(e.currentTarget).get('newPassword') ?? '');
      }}
      className="flex flex-col gap-4"
    >
      {state?.formError && !state.ok ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {state.formError}
        </p>
      ) : null}
      {state?.ok ? (
        <p role="status" className="text-sm">
          {t('changed')}
        </p>
      ) : null}
      <Field
        label={t('current')}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        errors={state?.fieldErrors?.currentPassword}
      />
      <Field
        label={t('new')}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        errors={state?.fieldErrors?.newPassword}
      />
      <Field
        label={t('confirm')}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        errors={state?.fieldErrors?.confirmPassword}
      />
      <p className="text-xs text-slate-600">{t('rules')}</p>
      <Button type="submit" disabled={pending}>
        {t('submit')}
      </Button>
    </form>
  );
}
