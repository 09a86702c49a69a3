import { Link } from '@/components/ui/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { loadOr404, requirePageCtx } from '@/lib/auth/page';
import { assertAudience } from '@/lib/authz/policy';
import { findOffers } from '@/lib/offers/find-offers';
import { formatMoney, formatRate } from '@/lib/offers/money';
import { PageHeader, StatusBadge } from '@/components/ui/page-header';
import { Table, Td } from '@/components/ui/table';
import { OfferActiveForm } from '@/components/offers/offer-active-form';
import { setOfferActiveAction } from '@/actions/offers';
import { IntlClient } from '@/components/ui/intl-client';

export default async function OffersPage({ searchParams }: { searchParams: Promise<{ created?: string }> }) {
  const ctx = await requirePageCtx('/offers');
  const offers = await loadOr404(async () => {
    assertAudience(ctx, 'vendor');
    return findOffers(ctx);
  });
  const [{ created }, t, locale] = await Promise.all([searchParams, getTranslations('offers'), getLocale()]);
  const added = offers.find((o) => o.id === created);
  return (
    <>
      <PageHeader title={t('title')}>
        <Link
          href="/offers/new"
          className="rounded bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark"
        >
          {t('add')}
        </Link>
      </PageHeader>
      <p className="mb-4 max-w-3xl text-slate-700">{t('intro')}</p>
      {added ? (
        <p role="status" className="mb-4 rounded border border-green-300 bg-green-50 p-3 text-sm text-green-900">
          {t('created', { name: added.name })}
        </p>
      ) : null}
      <IntlClient namespaces={['offers']}>
        <Table
          caption={t('title')}
          headers={[
            t('name'),
            t('sku'),
            t('billing'),
            t('term'),
            t('unitPrice'),
            t('licences'),
            t('incentive'),
            t('upgradeTargets'),
            t('status'),
            t('actions'),
          ]}
          empty={offers.length ? undefined : t('empty')}
        >
          {offers.map((o) => (
            <tr key={o.id}>
              <Td className="font-medium">{o.name}</Td>
              <Td className="font-mono text-xs whitespace-nowrap">{o.sku}</Td>
              <Td className="whitespace-nowrap">{t(`billingFrequencies.${o.billingFrequency}`)}</Td>
              <Td className="whitespace-nowrap">
                {o.termMonths === null ? t('noTerm') : t('termValue', { months: o.termMonths })}
              </Td>
              <Td className="whitespace-nowrap">{formatMoney(o.unitPriceMinor, o.currency, locale)}</Td>
              <Td className="whitespace-nowrap">{t('licenceRange', { min: o.minQuantity, max: o.maxQuantity })}</Td>
              <Td>{formatRate(o.incentiveRateBps, locale)}</Td>
              <Td>
                {o.upgradeTargets.length ? (
                  o.upgradeTargets.map((u) => u.name).join(', ')
                ) : (
                  <span className="text-slate-500">{t('noUpgradeTargets')}</span>
                )}
              </Td>
              <Td className="whitespace-nowrap">
                <StatusBadge>{t(o.active ? 'statuses.active' : 'statuses.inactive')}</StatusBadge>
              </Td>
              <Td>
                <div className="flex flex-wrap items-start gap-3">
                  <Link
                    href={`/offers/${o.id}`}
                    className="py-1 text-sm text-brand underline"
                    aria-label={t('editNamed', { name: o.name })}
                  >
                    {t('edit')}
                  </Link>
                  <OfferActiveForm offerId={o.id} name={o.name} active={o.active} action={setOfferActiveAction} />
                </div>
              </Td>
            </tr>
          ))}
        </Table>
      </IntlClient>
    </>
  );
}
