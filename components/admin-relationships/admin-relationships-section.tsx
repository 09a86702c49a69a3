import { getTranslations } from 'next-intl/server';
import type { Ctx } from '@/lib/authz/context';
import { can } from '@/lib/authz/policy';
import type { RelationshipView } from '@/lib/admin-relationships/find-relationships';
import { Section } from '@/components/ui/section';
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
}: {
  ctx: Ctx;
  customerId: string;
  customer: string;
  relationships: RelationshipView[];
}) {
  const t = await getTranslations('adminRelationships');
  const canAct = can(ctx, 'partnerships.write');
  return (
    <div className="mt-8">
      <IntlClient namespaces={['adminRelationships']}>
        <Section id="admin-relationships" title={t('title')}>
          <p className="mb-3 max-w-3xl text-sm text-slate-700">{t('intro', { customer })}</p>
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
