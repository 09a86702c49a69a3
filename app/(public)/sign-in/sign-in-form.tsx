'use client';
import { useState, type FormEvent } from 'react';
import { useTranslations } from '@/components/ui/intl';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { signInWithCredentials } from '@/lib/auth/sign-in-client';

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('signIn');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signInWithCredentials({
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
    }).catch(() => null);
    setPending(false);
    if (result?.error === 'MfaRequired') {
      // The password was right; the second factor follows (the pending sign-in is in an HttpOnly cookie).
      window.location.assign(`/sign-in/verify?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      return;
    }
    if (!result?.ok) {
      // lib/auth/options.ts: `TooManyAttempts:<minutes>` when a limit refused the attempt.
      const [code, minutes] = (result?.error ?? '').split(':');
      setError(code === 'TooManyAttempts' ? t('tooMany', { minutes: Number(minutes) || 15 }) : t('failed'));
      return;
    }
    // A full navigation, so every server component renders with the new session.
    window.location.assign(callbackUrl);
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" aria-describedby={error ? 'sign-in-error' : undefined}>
      {error ? (
        <p id="sign-in-error" role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <Field label={t('email')} name="email" type="email" autoComplete="username" required />
      <Field label={t('password')} name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" disabled={pending}>
        {t('submit')}
      </Button>
    </form>
  );
}
