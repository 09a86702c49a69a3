'use client';
import { useEffect, useRef, useState, useTransition, type FormEvent } from 'react';
import { useDraftEmail } from '@/components/ui/use-draft-email';
import { useRouter } from 'next/navigation';
import { useFormatter, useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import type { ActionState } from '@/lib/pipeline/form-state';
import { sendPartnershipRequestAction, startPartnershipRequestAction } from '@/actions/partnerships';

type Draft = { invitationId: string; link: string; subject: string; body: string; expiresAt: string };

/** F1: "Request a partnership" opens a draft email with a personalised link. */
export function RequestPartnership() {
  const t = useTranslations('partnerships.request');
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [opening, startOpening] = useTransition();

  useEffect(() => {
    if (draft) dialog.current?.showModal();
  }, [draft]);

  function open() {
    startOpening(async () => {
      const result = await startPartnershipRequestAction(undefined, new FormData());
      if (!result.ok || !result.data) return setError(result.formError ?? null);
      setError(null);
      setDraft(result.data);
    });
  }

  function close() {
    dialog.current?.close();
    setDraft(null);
    router.refresh(); // the new invitation shows as pending
  }

  return (
    <>
      <Button type="button" onClick={open} disabled={opening}>
        {t('button')}
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <dialog
        ref={dialog}
        aria-labelledby="request-title"
        onCancel={close}
        className="m-auto w-full max-w-2xl rounded-lg p-6 shadow-xl backdrop:bg-black/40"
      >
        {draft ? <DraftForm key={draft.invitationId} draft={draft} onDone={close} /> : null}
      </dialog>
    </>
  );
}

function DraftForm({ draft, onDone }: { draft: Draft; onDone: () => void }) {
  const t = useTranslations('partnerships.request');
  const format = useFormatter();
  const { email, setEmail, subject, setSubject, body, setBody, copied, copy, mailto } = useDraftEmail({
    email: '',
    subject: draft.subject,
    body: draft.body,
  });
  const [state, setState] = useState<ActionState<{ sentTo?: string }>>();
  const [sending, startSending] = useTransition();

  function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startSending(async () => setState(await sendPartnershipRequestAction(undefined, form)));
  }

  const bodyErrors = state?.fieldErrors?.body;
  return (
    <form onSubmit={send} className="flex flex-col gap-4">
      <h2 id="request-title" className="text-xl font-semibold">
        {t('title')}
      </h2>
      <p className="text-sm text-slate-700">{t('intro')}</p>
      <input type="hidden" name="invitationId" value={draft.invitationId} />
      <Field label={t('link')} name="link" readOnly value={draft.link} onFocus={(e) => e.currentTarget.select()} />
      <p className="rounded border border-amber-300 bg-amber-50 p-2 text-sm">
        {t('keepLink')} {t('expires', { date: format.dateTime(new Date(draft.expiresAt), { dateStyle: 'medium' }) })}
      </p>
      <Field
        label={t('resellerEmail')}
        name="resellerEmail"
        type="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        errors={state?.fieldErrors?.resellerEmail}
      />
      <Field
        label={t('subject')}
        name="subject"
        value={subject}
        onChange={(e) => setSubject(e.target.value)}
        errors={state?.fieldErrors?.subject}
      />
      <div className="flex flex-col gap-1">
        <label htmlFor="request-body" className="text-sm font-medium">
          {t('body')}
        </label>
        <textarea
          id="request-body"
          name="body"
          rows={12}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          className="rounded border border-slate-400 px-3 py-2 text-sm"
          aria-invalid={bodyErrors ? true : undefined}
          aria-describedby={bodyErrors ? 'request-body-error' : undefined}
        />
        {bodyErrors ? (
          <p id="request-body-error" className="text-sm text-red-700">
            {bodyErrors.join(' ')}
          </p>
        ) : null}
      </div>
      <div role="status" className="text-sm font-medium text-green-800">
        {copied === 'ok' ? t('copied') : null}
        {state?.ok ? ` ${t('sent', { email: state.data?.sentTo ?? '' })}` : null}
      </div>
      {copied === 'failed' ? (
        <p role="alert" className="text-sm text-red-700">
          {t('copyFailed')}
        </p>
      ) : null}
      {state && !state.ok && state.formError ? (
        <p role="alert" className="text-sm text-red-700">
          {state.formError}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <a
          href={mailto}
          className="rounded border border-slate-400 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
        >
          {t('openInEmail')}
        </a>
        <Button type="button" variant="secondary" onClick={copy}>
          {t('copy')}
        </Button>
        <Button type="submit" variant="secondary" disabled={sending}>
          {t('send')}
        </Button>
        <Button type="button" onClick={onDone} className="ml-auto">
          {t('done')}
        </Button>
      </div>
    </form>
  );
}
