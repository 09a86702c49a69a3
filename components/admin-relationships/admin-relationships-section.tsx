import { getTranslations } from 'next-intl/server';
import type { Ctx } from '@/lib/authz/context';
import { can } from '@/lib/authz/policy';
import type { RelationshipView } from '@/lib/admin-relationships/find-relationships';
import { Section } from '@/components/ui/section';
import { Link } from '@/components/ui/link';
import { IntlClient } from '@/components/ui/intl-client';
import { RelationshipsTable } from './relationships-table';
import { RequestRelationshipForm } from './request-relationship-form';
import { assignGroupAction, requestRelationshipAction } from '@/actions/admin-relationships';
import { AssignGroupForm } from './assign-group-form';

/** A partner's delegated admin relationships with one customer, and **Request a relationship**. */
export async function AdminRelationshipsSection({
  ctx,
  customerId,
  customer,
  relationships,
  tenantTabs,
  groups,
}: {
  ctx: Ctx;
  customerId: string;
  customer: string;
  relationships: RelationshipView[];
  /** The viewer holds a delegated role in the tenant: links to its Users and Licenses tabs. */
  tenantTabs: boolean;
  /** The partner's groups, for an admin's access assignments (null for others). */
  groups: { id: string; name: string }[] | null;
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
          {groups
            ? relationships
                .filter((r) => r.status === 'active')
                .map((r) => (
                  <section
                    key={r.id}
                    aria-label={`${t('assignments')}: ${r.name}`}
                    className="mt-4 rounded border border-slate-200 bg-white p-4"
                  >
                    <h3 className="mb-2 font-semibold">
                      {t('assignments')}: {r.name}
                    </h3>
                    {r.assignments.length === 0 ? (
                      <p className="mb-2 text-sm text-slate-600">{t('noAssignments')}</p>
                    ) : (
                      <ul className="mb-2 text-sm">
                        {r.assignments.map((a) => (
                          <li key={a.group.id}>
                            {a.group.name}: {a.roles.map((role) => t(`roleNames.${role}`)).join(', ')}
                          </li>
                        ))}
                      </ul>
                    )}
                    <AssignGroupForm
                      relationshipId={r.id}
                      name={r.name}
                      roles={r.roles}
                      groups={groups}
                      action={assignGroupAction}
                    />
                  </section>
                ))
            : null}
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
