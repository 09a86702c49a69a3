// Matrix cases of what vendor staff manage and everyone reads: the offer
// catalog, partners and their profiles, the mailbox, the home summary.
import { can } from '@/lib/authz/policy';
import { findPurchasableOffers } from '@/lib/offers/find-purchasable-offers';
import { findMailbox } from '@/lib/email/find-mailbox';
import { findOffers } from '@/lib/offers/find-offers';
import { getOffer } from '@/lib/offers/get-offer';
import { createOffer } from '@/lib/offers/create-offer';
import { updateOffer } from '@/lib/offers/update-offer';
import { setOfferActive } from '@/lib/offers/set-offer-active';
import { getHomeSummary } from '@/lib/organizations/get-home-summary';
import { getProviderProfile } from '@/lib/organizations/get-provider-profile';
import { updateProviderProfile } from '@/lib/organizations/update-provider-profile';
import { findPartners } from '@/lib/organizations/find-partners';
import { setPartnerStatus } from '@/lib/organizations/set-partner-status';
import { findPublicProviders } from '@/lib/organizations/find-public-providers';
import { type Case, PARTNERS, STALE, aud, nextId, offerFields } from './cases-kit';

export const CATALOG_CASES: Case[] = [
  {
    fn: 'lib/offers/find-purchasable-offers#findPurchasableOffers',
    kind: 'list',
    grant: { permission: 'orders.write', audiences: PARTNERS },
    call: (ctx) => findPurchasableOffers(ctx),
  },
  {
    // The mailbox is the vendor's view of every outgoing mail (no SMTP in the demo).
    fn: 'lib/email/find-mailbox#findMailbox',
    kind: 'list',
    vendorWide: true,
    grant: { permission: 'mailbox.read', audiences: ['vendor'] },
    call: (ctx) => findMailbox(ctx, {}),
  },
  {
    // The offer catalog is the vendor's and shared by every partner: no foreign data in it.
    fn: 'lib/offers/find-offers#findOffers',
    kind: 'list',
    grant: { permission: 'offers.manage', audiences: ['vendor'] },
    call: (ctx) => findOffers(ctx),
  },
  {
    fn: 'lib/offers/get-offer#getOffer',
    kind: 'id',
    vendorWide: true,
    grant: { permission: 'offers.manage', audiences: ['vendor'] },
    call: (ctx, id) => getOffer(ctx, id),
    own: (w) => w.ours.offer,
  },
  {
    fn: 'lib/organizations/get-home-summary#getHomeSummary',
    kind: 'list',
    vendorWide: true,
    grant: { permission: 'home.read', audiences: ['vendor', ...PARTNERS, 'customer'] },
    call: (ctx) => getHomeSummary(ctx),
  },
  {
    fn: 'lib/organizations/get-provider-profile#getProviderProfile',
    kind: 'id',
    vendorWide: true,
    grant: {
      permission: null,
      audiences: ['vendor', 'provider'],
      when: (ctx) => aud(ctx) !== 'vendor' || can(ctx, 'partners.read'),
    },
    call: (ctx, id) => getProviderProfile(ctx, id),
    own: (w) => w.ours.providerProfile,
  },
  {
    fn: 'lib/organizations/find-partners#findPartners',
    kind: 'list',
    vendorWide: true,
    grant: { permission: 'partners.read', audiences: ['vendor'] },
    call: (ctx) => findPartners(ctx),
    ownMarker: (w) => w.ours.providerId,
  },
  {
    // Find a provider: the public directory of providers, by design open to everyone.
    fn: 'lib/organizations/find-public-providers#findPublicProviders',
    kind: 'public',
    grant: { permission: null, audiences: [] },
    call: () => findPublicProviders(),
  },
  {
    fn: 'lib/offers/create-offer#createOffer',
    kind: 'self',
    writes: true,
    grant: { permission: 'offers.manage', audiences: ['vendor'] },
    call: (ctx) =>
      createOffer(ctx, { ...offerFields, sku: `MATRIX-${nextId()}`, isAzurePlan: false, active: true } as never),
  },
  {
    fn: 'lib/offers/update-offer#updateOffer',
    kind: 'id',
    vendorWide: true,
    grant: { permission: 'offers.manage', audiences: ['vendor'] },
    call: (ctx, id, side) =>
      updateOffer(ctx, {
        ...offerFields,
        offerId: id,
        version: side.offerVersion,
        isAzurePlan: false,
        active: true,
      } as never),
    own: (w) => w.ours.offer,
    ownSide: (w) => ({ ...w.ours, offerVersion: STALE }),
  },
  {
    fn: 'lib/offers/set-offer-active#setOfferActive',
    kind: 'id',
    vendorWide: true,
    writes: true,
    grant: { permission: 'offers.manage', audiences: ['vendor'] },
    call: (ctx, id) => setOfferActive(ctx, { offerId: id, active: true } as never),
    own: (w) => w.ours.offer,
  },
  {
    fn: 'lib/organizations/set-partner-status#setPartnerStatus',
    kind: 'id',
    vendorWide: true,
    writes: true,
    grant: { permission: 'partners.manage', audiences: ['vendor'] },
    call: (ctx, id) => setPartnerStatus(ctx, { orgId: id, status: 'ACTIVE' }),
    own: (w) => w.ours.adatumId,
  },
  {
    fn: 'lib/organizations/update-provider-profile#updateProviderProfile',
    kind: 'id',
    vendorWide: true,
    grant: { permission: 'profiles.manage', audiences: ['vendor'] },
    call: (ctx, id, side) =>
      updateProviderProfile(ctx, {
        orgId: id,
        version: side.profileVersion,
        description: 'Matrix changed',
        regionsServed: [],
        contactEmail: null,
        contactPhone: null,
        website: null,
      }),
    own: (w) => w.ours.providerProfile,
    ownSide: (w) => ({ ...w.ours, profileVersion: STALE }),
  },
];
