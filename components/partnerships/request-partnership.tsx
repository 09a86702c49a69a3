'use client';
import { useEffect, useRef, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from '@/components/ui/intl';
import { Button } from '@/components/ui/button';
import { DraftEmailForm } from '@/components/ui/draft-email-form';
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
  return (
    <DraftEmailForm
      namespace="partnerships.request"
      titleId="request-title"
      intro={t('intro')}
      idField={{ name: 'invitationId', value: draft.invitationId }}
      recipient={{ name: 'resellerEmail', label: t('resellerEmail'), initial: '' }}
      ids={{ body: 'request-body' }}
      bodyRows={12}
      draft={draft}
      send={sendPartnershipRequestAction}
      onDone={onDone}
    />
  );
}
