'use client';
import { useActionState, useState, type FormEvent } from 'react';
import { startRegistration, browserSupportsWebAuthn } from '@simplewebauthn/browser';
import { useTranslations } from '@/components/ui/intl';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import {
  finishPasskeyRegistrationAction,
  removePasskeyAction,
  startPasskeyRegistrationAction,
} from '@/actions/security';
import type { SecurityView } from '@/lib/mfa/find-security-view';
import { FormError } from './form-error';
import { RecoveryCodesList } from './recovery-codes-list';

type Outcome = { kind: 'added'; codes: string[] | null } | { kind: 'error'; message: string } | null;

function RemovePasskey({ id, name }: { id: string; name: string }) {
  const t = useTranslations('mfa.passkeys');
  const [state, remove, pending] = useActionState(removePasskeyAction, undefined);
  return (
    <form action={remove}>
      <input type="hidden" name="passkeyId" value={id} />
      <Button
        type="submit"
        variant="secondary"
        className="px-3 py-1"
        disabled={pending}
        aria-label={t('removeNamed', { name })}
      >
        {t('remove')}
      </Button>
      <FormError state={state} />
    </form>
  );
}

/** Passkeys: the list (each removable) and Add a passkey (WebAuthn in this browser). */
export function PasskeysSection({ passkeys }: { passkeys: SecurityView['passkeys'] }) {
  const t = useTranslations('mfa.passkeys');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [pending, setPending] = useState(false);

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const name = String(new FormData(formElement).get('name') ?? '').trim();
    if (!browserSupportsWebAuthn()) return setOutcome({ kind: 'error', message: t('unsupported') });
    setPending(true);
    setOutcome(null);
    try {
      const started = await startPasskeyRegistrationAction(undefined, new FormData());
      if (!started.ok || !started.data) throw new Error(started.formError ?? t('failed'));
      const response = await startRegistration({ optionsJSON: started.data });
      const form = new FormData();
      form.set('name', name);
      form.set('response', JSON.stringify(response));
      const finished = await finishPasskeyRegistrationAction(undefined, form);
      if (!finished.ok) {
        const fieldError = finished.fieldErrors?.name?.[0];
        throw new Error(fieldError ?? finished.formError ?? t('failed'));
      }
      formElement.reset();
      setOutcome({ kind: 'added', codes: finished.data?.recoveryCodes ?? null });
    } catch (error) {
      const message = error instanceof Error && error.name !== 'NotAllowedError' ? error.message : t('failed');
      setOutcome({ kind: 'error', message: message || t('failed') });
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="flex flex-col gap-3">
      {passkeys.length === 0 ? (
        <p className="text-sm text-slate-700">{t('none')}</p>
      ) : (
        <ul aria-label={t('title')} className="flex flex-col gap-2">
          {passkeys.map((p) => (
            <li key={p.id} className="flex flex-wrap items-center gap-3 text-sm">
              <span className="font-medium">{p.name}</span>
              <span className="text-slate-600">
                {t('created', { date: p.createdAt.toISOString().slice(0, 10) })}
                {p.lastUsedAt ? ` · ${t('lastUsed', { date: p.lastUsedAt.toISOString().slice(0, 10) })}` : ''}
              </span>
              <RemovePasskey id={p.id} name={p.name} />
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} className="flex max-w-xs flex-col gap-2">
        <Field label={t('name')} name="name" maxLength={60} required aria-describedby="passkey-name-hint" />
        <p id="passkey-name-hint" className="text-xs text-slate-600">
          {t('nameHint')}
        </p>
        <div>
          <Button type="submit" disabled={pending}>
            {t('add')}
          </Button>
        </div>
        {outcome?.kind === 'error' ? (
          <p role="alert" className="text-sm text-red-700">
            {outcome.message}
          </p>
        ) : null}
        {outcome?.kind === 'added' ? (
          <p role="status" className="text-sm text-green-800">
            {t('added')}
          </p>
        ) : null}
      </form>
      {outcome?.kind === 'added' && outcome.codes ? <RecoveryCodesList codes={outcome.codes} /> : null}
    </div>
  );
}
