import { loadOr404, requirePageCtx } from '@/lib/auth/page';
import { assertAudience, assertCan } from '@/lib/authz/policy';
import { getFormatter, getTranslations } from 'next-intl/server';
import { findResellerRequests, listRequestProviders } from '@/lib/relationships/find-customer-requests';
import { Table, Td } from '@/components/ui/table';
import { ActionButton } from '@/components/ui/action-button';
import { revokeRelationshipRequestAction } from '@/actions/relationships';
import { PageHeader } from '@/components/ui/page-header';
import { RequestRelationshipForm } from '@/components/relationships/request-relationship-form';
import { IntlClient } from '@/components/ui/intl-client';

/** F6 / R12 for a reseller: name one of its providers and that provider's customer by tenant domain. */
export default async function RequestRelationshipPage() {
  const ctx = await requirePageCtx('/customers/request-relationship');
  const [providers, requests] = await loadOr404(async () => {
    assertAudience(ctx, 'reseller');
    assertCan(ctx, 'partnerships.write');
    return Promise.all([listRequestProviders(ctx), findResellerRequests(ctx)]);
  });
  const [t, tp, ta, format] = await Promise.all([
    getTranslations('relationships.request'),
    getTranslations('relationships.pending'),
    getTranslations('relationships.access'),
    getFormatter(),
  ]);
  return (
    <div className="max-w-4xl">
      <PageHeader title={t('pageTitle')} />
      <p className="mb-6 text-sm text-slate-700">{t('pageIntro')}</p>
      <IntlClient namespaces={['relationships']}>
        <RequestRelationshipForm mode="reseller" providers={providers} />
      </IntlClient>
      {requests.length > 0 ? (
        <section aria-labelledby="pending-heading" className="mt-8">
          <h2 id="pending-heading" className="mb-3 text-lg font-semibold">
            {tp('title')}
          </h2>
          <Table
            caption={tp('title')}
            headers={[t('tenantDomain'), t('provider'), tp('access'), tp('sentTo'), tp('expires'), '']}
          >
            {requests.map((r) => (
              <tr key={r.id}>
                <Td>{r.customer.tenantDomain}</Td>
                <Td>{r.provider.legalName}</Td>
                <Td>{ta(r.includeDelegatedAdmin ? 'delegatedAdmin' : 'viewOnly')}</Td>
                <Td>{r.recipientEmail ?? tp('notSent')}</Td>
                <Td>{format.dateTime(r.expiresAt, { dateStyle: 'medium' })}</Td>
                <Td>
                  <ActionButton
                    action={revokeRelationshipRequestAction}
                    fields={{ requestId: r.id }}
                    label={tp('revoke')}
                    done={{ revoked: tp('revoked') }}
                  />
                </Td>
              </tr>
            ))}
          </Table>
        </section>
      ) : null}
    </div>
  );
}
