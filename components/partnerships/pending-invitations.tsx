import { getLocale, getTranslations } from 'next-intl/server';
import { formatDate } from '@/lib/format';
import { ActionButton } from '@/components/ui/action-button';
import { Section } from '@/components/ui/section';
import { Table, Td } from '@/components/ui/table';
import { resendInvitationAction, revokeInvitationAction } from '@/actions/partnerships';

type Invitation = { id: string; resellerEmail: string | null; createdAt: Date; sentAt: Date | null; expiresAt: Date };

/** A provider's pending partnership invitations, with Revoke and Resend. */
export async function PendingInvitations({ invitations }: { invitations: Invitation[] }) {
  const [t, locale] = await Promise.all([getTranslations('partnerships.pending'), getLocale()]);
  return (
    <Section id="pending" title={t('title')} className="mt-8">
      <Table
        caption={t('title')}
        headers={[t('created'), t('sent'), t('expires'), t('recipient'), t('actions')]}
        empty={invitations.length === 0 ? t('empty') : undefined}
      >
        {invitations.map((i) => (
          <tr key={i.id}>
            <Td>{formatDate(i.createdAt, locale)}</Td>
            <Td>{i.sentAt ? formatDate(i.sentAt, locale) : t('notSent')}</Td>
            <Td>{formatDate(i.expiresAt, locale)}</Td>
            <Td>{i.resellerEmail ?? t('noRecipient')}</Td>
            <Td className="flex flex-wrap gap-2">
              <ActionButton action={revokeInvitationAction} fields={{ invitationId: i.id }} label={t('revoke')} />
              {i.resellerEmail ? (
                <ActionButton action={resendInvitationAction} fields={{ invitationId: i.id }} label={t('resend')} />
              ) : null}
            </Td>
          </tr>
        ))}
      </Table>
    </Section>
  );
}
