'use client';
import { useActionState } from 'react';
import { useFormatter, useTranslations } from '@/components/ui/intl';
import type { ActionState } from '@/lib/pipeline/form-state';
import { Button } from './button';
import { Field } from './field';
import { TextareaField } from './textarea-field';
import { useDraftEmail } from './use-draft-email';

type SendState = ActionState<{ sentTo?: string }>;

type Props = {
  /**
   * The catalog namespace of the draft's texts: title, link, keepLink,
   * expires, subject, body, sent, copied, copyFailed, openInEmail, copy, send, done.
   */
  namespace: 'partnerships.request' | 'relationships.request';
  /** The heading's id, named by the dialog's `aria-labelledby`. */
  titleId: string;
  intro: string;
  /** The hidden field naming what is sent (the invitation or the request). */
  idField: { name: string; value: string };
  recipient: { name: string; label: string; initial: string };
  /** Ids of the link and subject fields (their names when absent) and of the message. */
  ids: { link?: string; subject?: string; body: string };
  bodyRows: number;
  draft: { link: string; subject: string; body: string; expiresAt: string };
  send: (prev: SendState | undefined, form: FormData) => Promise<SendState>;
  onDone: () => void;
};

/**
 * The draft email of a personalised link (F1, F6): the link, its expiry, the
 * recipient, subject and message, Open in email, Copy to clipboard, Send and Done.
 */
export function DraftEmailForm({
  namespace,
  titleId,
  intro,
  idField,
  recipient,
  ids,
  bodyRows,
  draft,
  ...props
}: Props) {
  const t = useTranslations(namespace);
  const format = useFormatter();
  const { email, setEmail, subject, setSubject, body, setBody, copied, copy, mailto } = useDraftEmail({
    email: recipient.initial,
    subject: draft.subject,
    body: draft.body,
  });
  const [state, sendAction, sending] = useActionState(props.send, undefined);

  return (
    <form action={sendAction} className="flex flex-col gap-4">
      <h2 id={titleId} className="text-xl font-semibold">
        {t('title')}
      </h2>
      <p className="text-sm text-slate-700">{intro}</p>
      <input type="hidden" name={idField.name} value={idField.value} />
      <Field
        label={t('link')}
        name="link"
        id={ids.link}
        readOnly
        value={draft.link}
        onFocus={(e) => e.currentTarget.select()}
      />
      <p className="rounded border border-amber-300 bg-amber-50 p-2 text-sm">
        {t('keepLink')} {t('expires', { date: format.dateTime(new Date(draft.expiresAt), { dateStyle: 'medium' }) })}
      </p>
      <Field
        label={recipient.label}
        name={recipient.name}
        type="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        errors={state?.fieldErrors?.[recipient.name]}
      />
      <Field
        label={t('subject')}
        name="subject"
        id={ids.subject}
        value={subject}
        onChange={(e) => setSubject(e.target.value)}
        errors={state?.fieldErrors?.subject}
      />
      <TextareaField
        label={t('body')}
        name="body"
        id={ids.body}
        rows={bodyRows}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        className="rounded border border-slate-400 px-3 py-2 text-sm"
        errors={state?.fieldErrors?.body}
      />
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
        <Button type="button" onClick={props.onDone} className="ml-auto">
          {t('done')}
        </Button>
      </div>
    </form>
  );
}
