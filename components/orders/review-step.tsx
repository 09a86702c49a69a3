'use client';
import { FactList } from '@/components/ui/fact-list';
import { useLocale, useTranslations } from '@/components/ui/intl';
import { formatMoney } from '@/lib/offers/money';
import type { Country, Details, WizardOffer } from './types';

export type ReviewLine = { offer: WizardOffer; quantity: number };

type Props = {
  details: Details;
  tenantDomain: string;
  countries: Country[];
  partyLabel: string;
  partyName: string;
  mode: 'provider' | 'reseller';
  lines: ReviewLine[];
};

/** Step 3, Review: the customer, the reseller, each line with its unit price and total, the monthly total. */
export function ReviewStep({ details, tenantDomain, countries, partyLabel, partyName, mode, lines }: Props) {
  const t = useTranslations('newCustomer');
  const locale = useLocale();
  const country = countries.find((c) => c.code === details.country)?.name ?? details.country;
  const address = [
    details.addressLine1,
    details.addressLine2,
    details.city,
    details.region,
    details.postalCode,
    country,
  ]
    .filter((v) => v.trim())
    .join(', ');
  const currency = lines[0]?.offer.currency ?? 'USD';
  const total = lines.reduce((sum, l) => sum + l.offer.unitPriceMinor * l.quantity, 0);
  const facts: [string, string][] = [
    [t('fields.companyName'), details.companyName],
    [t('fields.domainPrefix'), `${details.domainPrefix.trim().toLowerCase()}.${tenantDomain}`],
    [t('address'), address],
    [
      t('contact'),
      [`${details.contactFirstName} ${details.contactLastName}`, details.contactEmail, details.contactPhone]
        .filter((v) => v.trim())
        .join(' · '),
    ],
    [t('fields.language'), details.language === 'ja' ? '日本語' : 'English'],
    [mode === 'provider' ? t('fields.reseller') : t('fields.provider'), partyLabel || partyName || t('noReseller')],
  ];
  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="review-customer">
        <h2 id="review-customer" className="mb-2 text-lg font-semibold">
          {t('customerSection')}
        </h2>
        <FactList facts={facts} />
      </section>
      <section aria-labelledby="review-lines">
        <h2 id="review-lines" className="mb-2 text-lg font-semibold">
          {t('subscriptionsSection')}
        </h2>
        <table className="w-full border-collapse rounded border border-slate-200 bg-white text-sm">
          <caption className="sr-only">{t('subscriptionsSection')}</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left">
              <th scope="col" className="p-2">
                {t('offer')}
              </th>
              <th scope="col" className="p-2 text-right">
                {t('unitPrice')}
              </th>
              <th scope="col" className="p-2 text-right">
                {t('licenses')}
              </th>
              <th scope="col" className="p-2 text-right">
                {t('lineTotal')}
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.offer.id} className="border-b border-slate-100">
                <td className="p-2">{l.offer.name}</td>
                <td className="p-2 text-right whitespace-nowrap">
                  {formatMoney(l.offer.unitPriceMinor, l.offer.currency, locale)}
                </td>
                <td className="p-2 text-right">{l.quantity}</td>
                <td className="p-2 text-right whitespace-nowrap">
                  {formatMoney(l.offer.unitPriceMinor * l.quantity, l.offer.currency, locale)}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3} className="p-2 text-right">
                {t('monthlyTotal')}
              </th>
              <td className="p-2 text-right font-semibold whitespace-nowrap">{formatMoney(total, currency, locale)}</td>
            </tr>
          </tfoot>
        </table>
      </section>
    </div>
  );
}
