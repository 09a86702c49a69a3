import { getTranslations } from 'next-intl/server';
import type { Ctx } from '@/lib/authz/context';
import { can } from '@/lib/authz/policy';
import { getCustomer } from '@/lib/customers/get-customer';
import { findPurchasableOffers } from '@/lib/offers/find-purchasable-offers';
import { listCreditableResellers } from '@/lib/orders/list-creditable-resellers';
import { SubscriptionTable } from './subscription-table';
import { AddSubscriptionForm } from './add-subscription-form';

/** Under an expanded customer row: its subscriptions and, for those who may order, Add subscription (F4). */
export async function ExpandedCustomer({ ctx, customerId }: { ctx: Ctx; customerId: string }) {
  const t = await getTranslations('customer');
  const mayOrder = can(ctx, 'orders.write');
  const [customer, offers, creditable] = await Promise.all([
    getCustomer(ctx, customerId),
    mayOrder ? findPurchasableOffers(ctx) : Promise.resolve([]),
    mayOrder ? listCreditableResellers(ctx, customerId) : Promise.resolve(null),
  ]);
  return (
    <div className="flex flex-col gap-4 bg-slate-50 p-4">
      <h3 className="sr-only">{t('subscriptions')}</h3>
      <SubscriptionTable subscriptions={customer.subscriptions} />
      {mayOrder && creditable ? (
        <AddSubscriptionForm customerId={customer.id} offers={offers} resellers={creditable.resellers} defaultResellerId={creditable.defaultResellerId} defaultResellerMpnId={customer.managingReseller?.mpnId ?? null} />
      ) : null}
    </div>
  );
}
