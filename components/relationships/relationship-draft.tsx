'use client';
import { useTranslations } from '@/components/ui/intl';
import { DraftEmailForm } from '@/components/ui/draft-email-form';
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
  return (
    <DraftEmailForm
      namespace="relationships.request"
      titleId="relationship-draft-title"
      intro={t('intro', { customer: draft.customer, reseller: draft.reseller })}
      idField={{ name: 'requestId', value: draft.requestId }}
      recipient={{ name: 'recipientEmail', label: t('recipient'), initial: draft.recipientEmail }}
      ids={{ link: 'relationship-link', subject: 'relationship-subject', body: 'relationship-body' }}
      bodyRows={11}
      draft={draft}
      send={sendRelationshipRequestAction}
      onDone={onDone}
    />
  );
}
