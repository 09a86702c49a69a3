import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { loadOr404, requirePageCtx } from '@/lib/auth/page';
import { can } from '@/lib/authz/policy';
import { findPartners } from '@/lib/organizations/find-partners';
import { formatDate } from '@/lib/format';
import { PageHeader, StatusBadge } from '@/components/ui/page-header';
import { Table, Td } from '@/components/ui/table';
import { PartnerStatusForm } from '@/components/vendor/partner-status-form';
import { setPartnerStatusAction } from './actions';

export default async function PartnersPage() {
  const ctx = await requirePageCtx('/partners');
  const partners = await loadOr404(() => findPartners(ctx));
  const [t, ta, locale] = await Promise.all([getTranslations('partners'), getTranslations('partnerAdmin'), getLocale()]);
  const manage = can(ctx, 'partners.manage');
  const editProfiles = can(ctx, 'profiles.manage');
  return (
    <>
      <PageHeader title={t('title')} />
      <Table caption={t('title')} headers={[t('name'), t('kind'), t('mpnId'), t('country'), t('status'), t('enrolled'), ta('actions')]}>
        {partners.map((p) => (
          <tr key={p.id}>
            <Td className="font-medium">{p.legalName}</Td>
            <Td>{t(`kinds.${p.kind}`)}</Td>
            <Td>{p.mpnId}</Td>
            <Td>{p.country}</Td>
            <Td><StatusBadge>{t(`statuses.${p.status}`)}</StatusBadge></Td>
            <Td>{formatDate(p.createdAt, locale)}</Td>
            <Td>
              <div className="flex flex-wrap items-center gap-3">
                {manage ? <PartnerStatusForm orgId={p.id} name={p.legalName} status={p.status} action={setPartnerStatusAction} /> : null}
                {editProfiles && p.kind === 'INDIRECT_PROVIDER' ? (
                  <Link href={`/partners/${p.id}/profile`} className="text-sm text-brand underline" aria-label={ta('editProfileNamed', { name: p.legalName })}>
                    {ta('editProfile')}
                  </Link>
                ) : null}
              </div>
            </Td>
          </tr>
        ))}
      </Table>
    </>
  );
}
