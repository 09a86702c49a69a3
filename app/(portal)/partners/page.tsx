import { getLocale, getTranslations } from 'next-intl/server';
import { loadOr404, requirePageCtx } from '@/lib/auth/page';
import { findPartners } from '@/lib/organizations/find-partners';
import { formatDate } from '@/lib/format';
import { PageHeader, StatusBadge } from '@/components/ui/page-header';
import { Table, Td } from '@/components/ui/table';

export default async function PartnersPage() {
  const ctx = await requirePageCtx('/partners');
  const partners = await loadOr404(() => findPartners(ctx));
  const [t, locale] = await Promise.all([getTranslations('partners'), getLocale()]);
  return (
    <>
      <PageHeader title={t('title')} />
      <Table caption={t('title')} headers={[t('name'), t('kind'), t('mpnId'), t('country'), t('status'), t('enrolled')]}>
        {partners.map((p) => (
          <tr key={p.id}>
            <Td className="font-medium">{p.legalName}</Td>
            <Td>{t(`kinds.${p.kind}`)}</Td>
            <Td>{p.mpnId}</Td>
            <Td>{p.country}</Td>
            <Td><StatusBadge>{t(`statuses.${p.status}`)}</StatusBadge></Td>
            <Td>{formatDate(p.createdAt, locale)}</Td>
          </tr>
        ))}
      </Table>
    </>
  );
}
