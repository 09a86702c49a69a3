import 'server-only';
import { findPurchasableOffers } from '@/lib/offers/find-purchasable-offers';
import { findPublicProviders } from '@/lib/organizations/find-public-providers';
import { defineOperation } from './operation';
import { offerAnswer, providerAnswer } from './schemas';

// What a partner may order, and the public Find a provider list (R13).
export const catalogApi = {
  offers: defineOperation({
    method: 'GET',
    path: '/offers',
    operationId: 'listOffers',
    summary: 'Offers on sale',
    description: 'The active offers, with the licence limits of each (R7).',
    tag: 'Offers',
    scope: 'orders.write',
    response: offerAnswer,
    list: true,
    run: async ({ ctx }) => {
      const offers = await findPurchasableOffers(ctx);
      return {
        items: offers.map((o) => ({
          id: o.id,
          name: o.name,
          sku: o.sku,
          minQuantity: o.minQuantity,
          maxQuantity: o.maxQuantity,
          isAzurePlan: o.isAzurePlan,
        })),
        nextCursor: null,
      };
    },
  }),
  providers: defineOperation({
    method: 'GET',
    path: '/providers',
    operationId: 'findProviders',
    summary: 'Find a provider',
    description: 'The public list of active indirect providers (R13). No token needed.',
    tag: 'Providers',
    scope: null,
    response: providerAnswer,
    list: true,
    run: async () => {
      const providers = await findPublicProviders();
      return {
        items: providers.map((p) => ({
          id: p.id,
          legalName: p.legalName,
          mpnId: p.mpnId,
          website: p.profile?.website ?? p.website,
          contactEmail: p.profile?.contactEmail ?? null,
          contactPhone: p.profile?.contactPhone ?? null,
          countries: p.profile?.regionsServed ?? [p.country],
        })),
        nextCursor: null,
      };
    },
  }),
};
