'use client';
import { useState, type FormEvent } from 'react';
import { browserSupportsWebAuthn, startAuthentication } from '@simplewebauthn/browser';
import { useTranslations } from '@/components/ui/intl';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { signInWithSecondFactor, type SignInResult } from '@/lib/auth/sign-in-client';
import { passkeySignInOptionsAction } from '@/actions/security';

export function VerifyForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('mfaVerify');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  function finish(result: SignInResult | null, failed: string) {
    if (result?.ok) {
      // A full navigation, so every server component renders with the new session.
      window.location.assign(callbackUrl);
      return;
    }
    const [code, minutes] = (result?.error ?? '').split(':');
    setError(code === 'TooManyAttempts' ? t('tooMany', { minutes: Number(minutes) || 15 }) : failed);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code') ?? '');
    setPending(true);
    setError(null);
    const result = await signInWithSecondFactor({ code }).catch(() => null);
    setPending(false);
    finish(result, t('failed'));
  }

  async function usePasskey() {
    if (!browserSupportsWebAuthn()) return setError(t('passkeyFailed'));
    setPending(true);
    setError(null);
    try {
      const options = await passkeySignInOptionsAction(undefined, new FormData());
      if (!options.ok || !options.data) return setError(options.formError ?? t('expired'));
      const assertion = await startAuthentication({ optionsJSON: options.data });
      finish(await signInWithSecondFactor({ assertion: JSON.stringify(assertion) }), t('passkeyFailed'));
    } catch {
      setError(t('passkeyFailed'));
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={onSubmit} className="flex flex-col gap-4" aria-describedby={error ? 'verify-error' : undefined}>
        {error ? (
          <p
            id="verify-error"
            role="alert"
            className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800"
          >
            {error}
          </p>
        ) : null}
        <p className="text-sm text-slate-700">{t('intro')}</p>
        <Field label={t('code')} name="code" autoComplete="one-time-code" maxLength={20} required autoFocus />
        <Button type="submit" disabled={pending}>
          {t('submit')}
        </Button>
      </form>
      <p className="text-center text-sm text-slate-600">{t('or')}</p>
      <Button type="button" variant="secondary" onClick={usePasskey} disabled={pending}>
        {t('passkey')}
      </Button>
    </div>
  );
}
