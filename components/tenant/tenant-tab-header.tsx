import { getTranslations } from 'next-intl/server';
import type { DelegatedAccess } from '@/lib/tenant/access';
import { PageHeader } from '@/components/ui/page-header';
import { Link } from '@/components/ui/link';

/** The heading of a partner's Users or Licenses tab in a customer's tenant, and the access it goes through. */
export async function TenantTabHeader({
  customerId,
  customer,
  tab,
  via,
}: {
  customerId: string;
  customer: string;
  tab: 'users' | 'licences';
  via: DelegatedAccess[];
}) {
  const [t, tr] = await Promise.all([getTranslations('tenantTabs'), getTranslations('adminRelationships.roleNames')]);
  return (
    <>
      <PageHeader title={t('title', { customer, tab: t(tab) })}>
        <nav aria-label={customer} className="flex gap-3 text-sm">
          <Link href={`/customers/${customerId}`} className="lnk">
            {t('back', { customer })}
          </Link>
          <Link
            href={`/customers/${customerId}/users`}
            className="lnk"
            aria-current={tab === 'users' ? 'page' : undefined}
          >
            {t('users')}
          </Link>
          <Link
            href={`/customers/${customerId}/licenses`}
            className="lnk"
            aria-current={tab === 'licences' ? 'page' : undefined}
          >
            {t('licences')}
          </Link>
        </nav>
      </PageHeader>
      <ul className="mb-4 text-sm text-slate-700">
        {via.map((v) => (
          <li key={`${v.relationshipId}-${v.role}`}>
            {t('via', { relationship: v.relationshipName, role: tr(v.role) })}
          </li>
        ))}
      </ul>
    </>
  );
}
