import { getTranslations } from 'next-intl/server';
import { loadOr404, requirePageCtx } from '@/lib/auth/page';
import { assertAudience } from '@/lib/authz/policy';
import { findOffers } from '@/lib/offers/find-offers';
import { PageHeader } from '@/components/ui/page-header';
import { OfferForm } from '@/components/offers/offer-form';
import { createOfferAction } from '@/actions/offers';
import { IntlClient } from '@/components/ui/intl-client';

export default async function NewOfferPage() {
  const ctx = await requirePageCtx('/offers/new');
  const offers = await loadOr404(async () => {
    assertAudience(ctx, 'vendor');
    return findOffers(ctx);
  });
  const t = await getTranslations('offers');
  const initial = {
    sku: '',
    name: '',
    description: '',
    billingFrequency: 'MONTHLY',
    termMonths: '1',
    unitPrice: '',
    currency: 'USD',
    minQuantity: '1',
    maxQuantity: '300',
    isAzurePlan: false,
    incentiveRate: '0',
    upgradeTargetIds: [],
    active: true,
  };
  return (
    <>
      <PageHeader title={t('addTitle')} />
      <IntlClient namespaces={['offers']}>
        <OfferForm
          action={createOfferAction}
          initial={initial}
          options={offers.map(({ id, name, sku, active }) => ({ id, name, sku, active }))}
        />
      </IntlClient>
    </>
  );
}
