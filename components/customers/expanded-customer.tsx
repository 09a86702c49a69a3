import { randomUUID } from 'node:crypto';
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import type { Ctx } from '@/lib/authz/context';
import { loadOr404 } from '@/lib/auth/page';
import { can } from '@/lib/authz/policy';
import { findCustomerSubscriptions } from '@/lib/customers/find-customer-subscriptions';
import { findPurchasableOffers } from '@/lib/offers/find-purchasable-offers';
import { listCreditableResellers } from '@/lib/orders/list-creditable-resellers';
import { SubscriptionTable } from './subscription-table';
import { AddSubscriptionForm } from './add-subscription-form';
import { IntlClient } from '@/components/ui/intl-client';

/** Under an expanded customer row: its subscriptions and, for those who may order, Add subscription (F4). */
export async function ExpandedCustomer({ ctx, customerId }: { ctx: Ctx; customerId: string }) {
  const t = await getTranslations('customer');
  const mayOrder = can(ctx, 'orders.write');
  const [subscriptions, offers, creditable] = await loadOr404(() =>
    Promise.all([
      findCustomerSubscriptions(ctx, customerId),
      mayOrder ? findPurchasableOffers(ctx) : Promise.resolve([]),
      mayOrder ? listCreditableResellers(ctx, customerId) : Promise.resolve(null),
    ]),
  );
  return (
    <div className="flex flex-col gap-4 bg-slate-50 p-4">
      <h3 className="sr-only">{t('subscriptions')}</h3>
      <SubscriptionTable subscriptions={subscriptions.rows} />
      {subscriptions.nextCursor ? (
        <p className="text-sm">
          <Link className="lnk" href={`/customers/${customerId}#subscriptions-heading`}>
            {t('allSubscriptions', { total: subscriptions.total, capped: subscriptions.totalCapped ? 'yes' : 'no' })}
          </Link>
        </p>
      ) : null}
      {mayOrder && creditable ? (
        <IntlClient namespaces={['addSubscription']}>
          <AddSubscriptionForm
            customerId={customerId}
            idempotencyKey={randomUUID()}
            offers={offers}
            resellers={creditable.resellers}
            defaultResellerId={creditable.defaultResellerId}
            defaultResellerMpnId={creditable.defaultResellerMpnId}
          />
        </IntlClient>
      ) : null}
    </div>
  );
}
