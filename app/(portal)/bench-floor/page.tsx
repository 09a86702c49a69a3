import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';
import { SearchForm } from '@/components/ui/search-form';
import { Table } from '@/components/ui/table';
import { ExpandForm } from '@/components/customers/expand-button';
import { CustomerRows } from '@/components/customers/customer-rows';

// The benchmark's floor (`npm run bench`): the Customers list's page with its
// data fixed in code — the same layout, page header, search form, total line,
// table, rows component (50 rows) and paging links — so it costs what the
// framework costs for such a page, and queries nothing itself (the portal
// layout still reads the session, as on every page). A list's figures beside
// it are then what its own data costs. Served only when PC_BENCH=1.

const ROWS = Array.from({ length: 50 }, (_, i) => ({
  id: `floor${String(i + 1).padStart(6, '0')}`,
  name: `Floor Company ${String(i + 1).padStart(2, '0')} Ltd`,
  domain: `floorcompany${i + 1}.onmicrosoft.example`,
  reseller: `Floor Reseller ${(i % 7) + 1} GmbH (${5_300_000 + (i % 7)})`,
}));

export default async function BenchFloorPage() {
  // Rendered per request like the lists (they read the session and the URL).
  await connection();
  if (process.env.PC_BENCH !== '1') notFound();
  const [t, tn] = await Promise.all([getTranslations('customers'), getTranslations('newCustomer')]);
  return (
    <>
      <PageHeader title="Floor">
        <Link href="/customers/new" className="rounded bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark">{tn('addNewCustomer')}</Link>
      </PageHeader>
      <SearchForm label={t('search')} />
      <p className="mb-2 text-sm text-slate-700" aria-live="polite">{t('total', { total: '50' })}</p>
      <ExpandForm params={{}} />
      <Table caption="Floor" headers={[t('details'), t('company'), t('tenantDomain'), t('managingReseller')]}>
        <CustomerRows rows={ROWS} labels={{ expand: t('expand', { company: '{company}' }), collapse: t('collapse', { company: '{company}' }) }} />
      </Table>
      <nav aria-label={t('pages')} className="mt-4 flex flex-wrap gap-4 text-sm">
        <Link className="lnk" href="/bench-floor?after=floor000050">{t('nextPage')}</Link>
        <Link className="lnk" href="/bench-floor?last=1">{t('lastPage')}</Link>
      </nav>
    </>
  );
}
