import { getTranslations } from 'next-intl/server';
import type { Ctx } from '@/lib/authz/context';
import { can } from '@/lib/authz/policy';
import type { RelationshipView } from '@/lib/admin-relationships/find-relationships';
import { Section } from '@/components/ui/section';
import { Link } from '@/components/ui/link';
import { IntlClient } from '@/components/ui/intl-client';
import { RelationshipsTable } from './relationships-table';
import { RequestRelationshipForm } from './request-relationship-form';
import { requestRelationshipAction } from '@/actions/admin-relationships';

/** A partner's delegated admin relationships with one customer, and **Request a relationship**. */
export async function AdminRelationshipsSection({
  ctx,
  customerId,
  customer,
  relationships,
  tenantTabs,
}: {
  ctx: Ctx;
  customerId: string;
  customer: string;
  relationships: RelationshipView[];
  /** The viewer holds a delegated role in the tenant: links to its Users and Licenses tabs. */
  tenantTabs: boolean;
}) {
  const [t, tt] = await Promise.all([getTranslations('adminRelationships'), getTranslations('tenantTabs')]);
  const canAct = can(ctx, 'partnerships.write');
  return (
    <div className="mt-8">
      <IntlClient namespaces={['adminRelationships']}>
        <Section id="admin-relationships" title={t('title')}>
          <p className="mb-3 max-w-3xl text-sm text-slate-700">{t('intro', { customer })}</p>
          {tenantTabs ? (
            <nav aria-label={t('title')} className="mb-3 flex gap-4 text-sm font-medium">
              <Link href={`/customers/${customerId}/users`} className="lnk">
                {tt('users')}
              </Link>
              <Link href={`/customers/${customerId}/licenses`} className="lnk">
                {tt('licences')}
              </Link>
            </nav>
          ) : null}
          <RelationshipsTable relationships={relationships} side="partner" canAct={canAct} />
        </Section>
        {canAct ? (
          <Section id="request-admin-relationship" title={t('request')}>
            <RequestRelationshipForm customerId={customerId} customer={customer} action={requestRelationshipAction} />
          </Section>
        ) : null}
      </IntlClient>
    </div>
  );
}
