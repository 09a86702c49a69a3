import { getFormatter, getTranslations } from 'next-intl/server';
import { Table, Td } from '@/components/ui/table';
import { ActionButton } from '@/components/ui/action-button';
import { revokeRelationshipRequestAction } from '@/actions/relationships';
import type { PendingRequest } from '@/lib/customers/get-customer';

/** Pending reseller relationship requests on a customer, each with Revoke (its link stops working). */
export async function PendingRelationshipRequests({
  requests,
  canRevoke,
}: {
  requests: PendingRequest[];
  canRevoke: boolean;
}) {
  const [t, ta, format] = await Promise.all([
    getTranslations('relationships.pending'),
    getTranslations('relationships.access'),
    getFormatter(),
  ]);
  if (requests.length === 0) return null;
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'medium' });
  return (
    <div className="mt-4">
      <h3 className="mb-2 font-semibold">{t('title')}</h3>
      <Table
        caption={t('title')}
        headers={[t('reseller'), t('access'), t('sentTo'), t('requested'), t('expires'), ...(canRevoke ? [''] : [])]}
      >
        {requests.map((r) => (
          <tr key={r.id}>
            <Td>
              {r.reseller.legalName} ({r.reseller.mpnId})
            </Td>
            <Td>{ta(r.includeDelegatedAdmin ? 'delegatedAdmin' : 'viewOnly')}</Td>
            <Td>{r.recipientEmail ?? t('notSent')}</Td>
            <Td>{date(r.createdAt)}</Td>
            <Td>{date(r.expiresAt)}</Td>
            {canRevoke ? (
              <Td>
                <ActionButton
                  action={revokeRelationshipRequestAction}
                  fields={{ requestId: r.id }}
                  label={t('revoke')}
                  done={{ revoked: t('revoked') }}
                />
              </Td>
            ) : null}
          </tr>
        ))}
      </Table>
    </div>
  );
}
