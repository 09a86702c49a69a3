import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { loadOr404, requirePageCtx } from '@/lib/auth/page';
import { assertAudience } from '@/lib/authz/policy';
import { findIndirectResellers } from '@/lib/partnerships/find-indirect-resellers';
import { formatDate } from '@/lib/format';
import { PageHeader, StatusBadge } from '@/components/ui/page-header';
import { SearchForm } from '@/components/ui/search-form';
import { Table, Td } from '@/components/ui/table';

export default async function IndirectResellersPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const ctx = await requirePageCtx('/indirect-resellers');
  const { q } = await searchParams;
  const rows = await loadOr404(async () => {
    assertAudience(ctx, 'provider');
    return findIndirectResellers(ctx, { q });
  });
  const [t, locale] = await Promise.all([getTranslations('resellers'), getLocale()]);
  return (
    <>
      <PageHeader title={t('title')} />
      <SearchForm label={t('search')} defaultValue={q} />
      <Table
        caption={t('title')}
        headers={[t('name'), t('mpnId'), t('status'), t('customers'), t('licences'), t('partnerSince')]}
        empty={rows.length === 0 ? t('empty') : undefined}
      >
        {rows.map((r) => (
          <tr key={r.id}>
            <Td className="font-medium">{r.reseller.legalName}</Td>
            <Td>{r.reseller.mpnId}</Td>
            <Td><StatusBadge>{t(`states.${r.state}`)}</StatusBadge></Td>
            <Td>
              {r.state === 'ACTIVE' ? (
                <Link className="text-brand underline" href={`/customers?reseller=${r.reseller.id}`}>{r.customers}</Link>
              ) : r.customers}
            </Td>
            <Td>{r.licences}</Td>
            <Td>{formatDate(r.startedAt, locale)}</Td>
          </tr>
        ))}
      </Table>
    </>
  );
}
