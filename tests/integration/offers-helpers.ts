// Shared by the offer catalog tests: a vendor staff context, an offer form,
// an edit form of a stored offer, the field errors of an Invalid, and every
// offer as stored.
import { expect } from 'vitest';
import { makeCtx, makeOrg } from '../factories';
import { db } from '@/lib/db';
import { getOffer } from '@/lib/offers/get-offer';
import type { CreateOfferInput, UpdateOfferInput } from '@/lib/offers/schemas';
import { Invalid } from '@/lib/errors';

let n = 0;
export async function staff() {
  return makeCtx('VENDOR_ADMIN', { organizationId: (await makeOrg('VENDOR')).id });
}

export function offer(overrides: Record<string, unknown> = {}): CreateOfferInput {
  return {
    sku: `TEST-${++n}`,
    name: `Offer ${n}`,
    description: 'Per user.',
    billingFrequency: 'MONTHLY',
    termMonths: 1,
    unitPrice: '6.00',
    currency: 'USD',
    minQuantity: 1,
    maxQuantity: 300,
    isAzurePlan: false,
    incentiveRate: '12.5',
    upgradeTargetIds: [],
    active: true,
    ...overrides,
  } as CreateOfferInput;
}

export async function editOf(
  ctx: Awaited<ReturnType<typeof staff>>,
  offerId: string,
  overrides: Record<string, unknown> = {},
): Promise<UpdateOfferInput> {
  const o = await getOffer(ctx, offerId);
  return {
    ...offer({ sku: o.sku, name: o.name, upgradeTargetIds: o.upgradeTargets.map((u) => u.id) }),
    offerId,
    version: o.updatedAt.toISOString(),
    ...overrides,
  } as UpdateOfferInput;
}

/** The Invalid's message keys for one field (fails the test when something else was thrown). */
export async function fieldErrors(promise: Promise<unknown>): Promise<Invalid['fieldErrors']> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Invalid);
  return (error as Invalid).fieldErrors;
}

export const snapshot = () =>
  db().offer.findMany({ orderBy: { sku: 'asc' }, include: { upgradeTargets: { select: { id: true } } } });
