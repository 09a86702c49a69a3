import { getLocale, getTranslations } from 'next-intl/server';
import { loadOr404, requirePageCtx } from '@/lib/auth/page';
import { assertAudience } from '@/lib/authz/policy';
import { findIndirectProviders } from '@/lib/partnerships/find-indirect-providers';
import { formatDate } from '@/lib/format';
import { PageHeader, StatusBadge } from '@/components/ui/page-header';
import { Table, Td } from '@/components/ui/table';

export default async function IndirectProvidersPage() {
  const ctx = await requirePageCtx('/indirect-providers');
  const rows = await loadOr404(async () => {
    assertAudience(ctx, 'reseller');
    return findIndirectProviders(ctx);
  });
  const [t, locale] = await Promise.all([getTranslations('providers'), getLocale()]);
  return (
    <>
      <PageHeader title={t('title')} />
      <Table
        caption={t('title')}
        headers={[t('name'), t('mpnId'), t('status'), t('partnerSince'), t('ended')]}
        empty={rows.length === 0 ? t('empty') : undefined}
      >
        {rows.map((r) => (
          <tr key={r.id}>
            <Td className="font-medium">{r.provider.legalName}</Td>
            <Td>{r.provider.mpnId}</Td>
            <Td><StatusBadge>{t(`states.${r.state}`)}</StatusBadge></Td>
            <Td>{formatDate(r.startedAt, locale)}</Td>
            <Td>{formatDate(r.endedAt, locale)}</Td>
          </tr>
        ))}
      </Table>
    </>
  );
}
