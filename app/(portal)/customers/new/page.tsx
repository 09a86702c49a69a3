import { randomUUID } from 'node:crypto';
import { getLocale } from 'next-intl/server';
import { loadOr404, requirePageCtx } from '@/lib/auth/page';
import { assertAudience, assertCan } from '@/lib/authz/policy';
import { audienceOf } from '@/lib/authz/context';
import { env } from '@/lib/env';
import { COUNTRY_CODES } from '@/lib/organizations/schemas';
import { findPurchasableOffers } from '@/lib/offers/find-purchasable-offers';
import { findResellerFilter } from '@/lib/partnerships/list-reseller-options';
import { findIndirectProviders } from '@/lib/partnerships/find-indirect-providers';
import { NewCustomerWizard } from '@/components/orders/new-customer-wizard';
import { IntlClient } from '@/components/ui/intl-client';

type Search = { reseller?: string };

/** F3: New customer → New subscription → Review → Confirmation, one client wizard. */
export default async function NewCustomerPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await requirePageCtx('/customers/new');
  const { reseller } = await searchParams;
  const { offers, parties, typed } = await loadOr404(async () => {
    assertAudience(ctx, 'provider', 'reseller');
    assertCan(ctx, 'orders.write');
    const [offers, parties] = await Promise.all([
      findPurchasableOffers(ctx),
      audienceOf(ctx) === 'provider'
        ? findResellerFilter(ctx, reseller)
        : findIndirectProviders(ctx).then((rows) => ({
            options: rows.filter((r) => r.state === 'ACTIVE').map((r) => r.provider),
            selected: null,
          })),
    ]);
    // Too many partners for a list: the reseller is typed by MPN ID, the one preselected from Indirect resellers
    // filled in.
    const typed = parties.options === null;
    const list =
      parties.options ??
      (parties.selected ? [{ ...parties.selected, id: parties.selected.mpnId ?? parties.selected.id }] : []);
    return { offers, parties: list, typed };
  });
  const locale = await getLocale();
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  const countries = COUNTRY_CODES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) =>
    a.name.localeCompare(b.name, locale),
  );
  const isProvider = audienceOf(ctx) === 'provider';
  const options = parties.map((p) => ({ id: p.id, label: `${p.legalName} (${p.mpnId})`, name: p.legalName }));
  const preselected = isProvider
    ? ((typed ? options[0]?.id : options.find((o) => o.id === reseller)?.id) ?? '')
    : (options[0]?.id ?? '');
  return (
    <IntlClient namespaces={['newCustomer', 'orders.errors', 'errors']}>
      <NewCustomerWizard
        // A fresh key per opening of the form: the same review submitted twice is one order (R5).
        idempotencyKey={randomUUID()}
        mode={isProvider ? 'provider' : 'reseller'}
        parties={options}
        typedParty={typed}
        initialParty={preselected}
        offers={offers.map((o) => ({
          id: o.id,
          name: o.name,
          unitPriceMinor: o.unitPriceMinor,
          currency: o.currency,
          minQuantity: o.minQuantity,
          maxQuantity: o.maxQuantity,
          isAzurePlan: o.isAzurePlan,
        }))}
        countries={countries}
        tenantDomain={env.TENANT_DOMAIN}
        defaultLanguage={locale === 'ja' ? 'ja' : 'en'}
      />
    </IntlClient>
  );
}
