import { getFormatter, getTranslations } from 'next-intl/server';
import type { RelationshipView } from '@/lib/admin-relationships/find-relationships';
import { Table, Td } from '@/components/ui/table';
import { StatusBadge } from '@/components/ui/page-header';
import { ActionButton } from '@/components/ui/action-button';
import { respondRelationshipAction, terminateRelationshipAction } from '@/actions/admin-relationships';

/**
 * Delegated admin relationships with their status and days left; the
 * customer's admin approves or declines pending ones, either side terminates.
 * Needs the `adminRelationships` messages (IntlClient) for its buttons.
 */
export async function RelationshipsTable({
  relationships,
  side,
  canAct,
}: {
  relationships: RelationshipView[];
  side: 'customer' | 'partner';
  canAct: boolean;
}) {
  const [t, format] = await Promise.all([getTranslations('adminRelationships'), getFormatter()]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'medium' });
  return (
    <Table
      caption={t('title')}
      headers={[
        t('name'),
        side === 'customer' ? t('partner') : t('duration'),
        t('roles'),
        t('status'),
        t('daysLeft'),
        '',
      ]}
      empty={relationships.length ? undefined : t('none')}
    >
      {relationships.map((r) => (
        <tr key={r.id}>
          <Td className="font-medium">{r.name}</Td>
          <Td>
            {side === 'customer' ? `${r.partner.legalName} (${r.partner.mpnId})` : t('days', { count: r.durationDays })}
          </Td>
          <Td>{r.roles.map((role) => t(`roleNames.${role}`)).join(', ')}</Td>
          <Td className="whitespace-nowrap">
            <StatusBadge>{t(`statuses.${r.status}`)}</StatusBadge>
          </Td>
          <Td className="whitespace-nowrap">
            {r.daysLeft !== null && r.currentEndsAt ? `${r.daysLeft} (${date(r.currentEndsAt)})` : '—'}
          </Td>
          <Td>
            {canAct ? (
              <div className="flex items-start gap-2">
                {side === 'customer' && r.status === 'pending' ? (
                  <>
                    <ActionButton
                      action={respondRelationshipAction}
                      fields={{ relationshipId: r.id, decision: 'approve' }}
                      label={t('approve')}
                      variant="primary"
                      done={{ approved: t('approved') }}
                    />
                    <ActionButton
                      action={respondRelationshipAction}
                      fields={{ relationshipId: r.id, decision: 'decline' }}
                      label={t('decline')}
                      done={{ declined: t('declined') }}
                    />
                  </>
                ) : null}
                {r.status === 'pending' || r.status === 'active' ? (
                  <ActionButton
                    action={terminateRelationshipAction}
                    fields={{ relationshipId: r.id }}
                    label={t('terminate')}
                    ariaLabel={t('terminateNamed', { name: r.name })}
                    done={{ terminated: t('terminated') }}
                  />
                ) : null}
              </div>
            ) : null}
          </Td>
        </tr>
      ))}
    </Table>
  );
}
