import { getTranslations } from 'next-intl/server';
import { loadOr404, requirePageCtx } from '@/lib/auth/page';
import { assertAudience } from '@/lib/authz/policy';
import { findOffers } from '@/lib/offers/find-offers';
import { getOffer } from '@/lib/offers/get-offer';
import { bpsToPercent, minorToDecimal } from '@/lib/offers/money';
import { PageHeader } from '@/components/ui/page-header';
import { OfferForm } from '@/components/offers/offer-form';
import { updateOfferAction } from '@/actions/offers';
import { IntlClient } from '@/components/ui/intl-client';

export default async function EditOfferPage({ params }: { params: Promise<{ offerId: string }> }) {
  const { offerId } = await params;
  const ctx = await requirePageCtx(`/offers/${offerId}`);
  const [offer, offers] = await loadOr404(async () => {
    assertAudience(ctx, 'vendor');
    return Promise.all([getOffer(ctx, offerId), findOffers(ctx)]);
  });
  const t = await getTranslations('offers');
  const initial = {
    sku: offer.sku,
    name: offer.name,
    description: offer.description,
    billingFrequency: offer.billingFrequency,
    termMonths: offer.termMonths === null ? '' : String(offer.termMonths),
    unitPrice: minorToDecimal(offer.unitPriceMinor, offer.currency),
    currency: offer.currency,
    minQuantity: String(offer.minQuantity),
    maxQuantity: String(offer.maxQuantity),
    isAzurePlan: offer.isAzurePlan,
    incentiveRate: bpsToPercent(offer.incentiveRateBps),
    upgradeTargetIds: offer.upgradeTargets.map((u) => u.id),
    active: offer.active,
  };
  const options = offers
    .filter((o) => o.id !== offer.id)
    .map(({ id, name, sku, active }) => ({ id, name, sku, active }));
  return (
    <>
      <PageHeader title={t('editTitle', { name: offer.name })} />
      <IntlClient namespaces={['offers']}>
        <OfferForm
          action={updateOfferAction}
          initial={initial}
          options={options}
          offerId={offer.id}
          version={offer.updatedAt.toISOString()}
        />
      </IntlClient>
    </>
  );
}
