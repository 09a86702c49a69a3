'use client';
import { useState, useTransition, type FormEvent } from 'react';
import { useDraftEmail } from '@/components/ui/use-draft-email';
import { useFormatter, useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import type { ActionState } from '@/lib/pipeline/form-state';
import { sendRelationshipRequestAction } from '@/actions/relationships';

export type RelationshipDraft = {
  requestId: string;
  link: string;
  subject: string;
  body: string;
  expiresAt: string;
  recipientEmail: string;
  customer: string;
  reseller: string;
};

/** F6: the draft email of a relationship request: link, Open in email, Copy to clipboard, Send, Done. */
export function RelationshipDraftForm({ draft, onDone }: { draft: RelationshipDraft; onDone: () => void }) {
  const t = useTranslations('relationships.request');
  const format = useFormatter();
  const { email, setEmail, subject, setSubject, body, setBody, copied, copy, mailto } = useDraftEmail({
    email: draft.recipientEmail,
    subject: draft.subject,
    body: draft.body,
  });
  const [state, setState] = useState<ActionState<{ sentTo: string }>>();
  const [sending, startSending] = useTransition();

  function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startSending(async () => setState(await sendRelationshipRequestAction(undefined, form)));
  }

  const bodyErrors = state?.fieldErrors?.body;
  return (
    <form onSubmit={send} className="flex flex-col gap-4">
      <h2 id="relationship-draft-title" className="text-xl font-semibold">
        {t('title')}
      </h2>
      <p className="text-sm text-slate-700">{t('intro', { customer: draft.customer, reseller: draft.reseller })}</p>
      <input type="hidden" name="requestId" value={draft.requestId} />
      <Field
        label={t('link')}
        name="link"
        id="relationship-link"
        readOnly
        value={draft.link}
        onFocus={(e) => e.currentTarget.select()}
      />
      <p className="rounded border border-amber-300 bg-amber-50 p-2 text-sm">
        {t('keepLink')} {t('expires', { date: format.dateTime(new Date(draft.expiresAt), { dateStyle: 'medium' }) })}
      </p>
      <Field
        label={t('recipient')}
        name="recipientEmail"
        type="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        errors={state?.fieldErrors?.recipientEmail}
      />
      <Field
        label={t('subject')}
        name="subject"
        id="relationship-subject"
        value={subject}
        onChange={(e) => setSubject(e.target.value)}
        errors={state?.fieldErrors?.subject}
      />
      <div className="flex flex-col gap-1">
        <label htmlFor="relationship-body" className="text-sm font-medium">
          {t('body')}
        </label>
        <textarea
          id="relationship-body"
          name="body"
          rows={11}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          className="rounded border border-slate-400 px-3 py-2 text-sm"
          aria-invalid={bodyErrors ? true : undefined}
          aria-describedby={bodyErrors ? 'relationship-body-error' : undefined}
        />
        {bodyErrors ? (
          <p id="relationship-body-error" className="text-sm text-red-700">
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
