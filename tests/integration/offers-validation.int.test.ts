import { beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { editOf, fieldErrors, offer, staff } from './offers-helpers';
import { db } from '@/lib/db';
import { createOffer } from '@/lib/offers/create-offer';
import { updateOffer } from '@/lib/offers/update-offer';

// What the offer form refuses or forces: duplicate SKUs, invalid numbers and codes, Azure plans.
beforeEach(resetDatabase);

describe('offer catalog', () => {
  it('a duplicate SKU is refused, on create and on edit', async () => {
    const ctx = await staff();
    const a = await createOffer(ctx, offer({ sku: 'DUP-1' }));
    const b = await createOffer(ctx, offer({ sku: 'DUP-2' }));
    expect(await fieldErrors(createOffer(ctx, offer({ sku: 'dup-1' })))).toEqual({ sku: ['offers.errors.skuTaken'] });
    expect(await fieldErrors(updateOffer(ctx, await editOf(ctx, b.offerId, { sku: 'DUP-1' })))).toEqual({
      sku: ['offers.errors.skuTaken'],
    });
    expect(await db().offer.count({ where: { sku: 'DUP-1' } })).toBe(1);
    expect((await db().offer.findUniqueOrThrow({ where: { id: b.offerId } })).sku).toBe('DUP-2');
    // The one DUP-1 offer is still the first one: the refused create and edit replaced nothing.
    expect((await db().offer.findUniqueOrThrow({ where: { sku: 'DUP-1' } })).id).toBe(a.offerId);
  });

  it('invalid numbers and codes are refused, each with its field’s message, and nothing is stored', async () => {
    const ctx = await staff();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ unitPrice: '-1' }, 'unitPrice', 'offers.errors.negative'],
      [{ unitPrice: '6.001' }, 'unitPrice', 'offers.errors.priceFormat'],
      [{ unitPrice: 'six' }, 'unitPrice', 'offers.errors.priceFormat'],
      [{ unitPrice: '6.50', currency: 'JPY' }, 'unitPrice', 'offers.errors.priceDecimals'],
      [{ currency: 'US' }, 'currency', 'offers.errors.currency'],
      [{ minQuantity: 0 }, 'minQuantity', 'offers.errors.quantityRange'],
      [{ minQuantity: '2.5' }, 'minQuantity', 'offers.errors.wholeNumber'],
      [{ minQuantity: 10, maxQuantity: 5 }, 'maxQuantity', 'offers.errors.maxBelowMin'],
      [{ incentiveRate: '100.01' }, 'incentiveRate', 'offers.errors.rateRange'],
      [{ incentiveRate: '-5' }, 'incentiveRate', 'offers.errors.negative'],
      [{ incentiveRate: '1.234' }, 'incentiveRate', 'offers.errors.rateFormat'],
      [{ termMonths: null }, 'termMonths', 'offers.errors.termRequired'],
      [{ billingFrequency: 'ANNUAL', termMonths: 6 }, 'termMonths', 'offers.errors.termAnnual'],
      [{ sku: 'bad sku!' }, 'sku', 'offers.errors.skuFormat'],
    ];
    for (const [bad, field, key] of cases) {
      expect((await fieldErrors(createOffer(ctx, offer(bad))))[field], JSON.stringify(bad)).toEqual([key]);
    }
    expect(await db().offer.count()).toBe(0);
    expect(await db().auditEvent.count()).toBe(0);
  });

  it('an Azure plan is forced to 1–1 licences; usage billing has no term', async () => {
    const ctx = await staff();
    const { offerId } = await createOffer(
      ctx,
      offer({
        isAzurePlan: true,
        billingFrequency: 'USAGE',
        termMonths: 12,
        minQuantity: 5,
        maxQuantity: 50,
        unitPrice: '0',
      }),
    );
    expect(await db().offer.findUniqueOrThrow({ where: { id: offerId } })).toMatchObject({
      isAzurePlan: true,
      minQuantity: 1,
      maxQuantity: 1,
      termMonths: null,
    });
    await updateOffer(
      ctx,
      await editOf(ctx, offerId, { isAzurePlan: true, billingFrequency: 'USAGE', minQuantity: 3, maxQuantity: 300 }),
    );
    expect(await db().offer.findUniqueOrThrow({ where: { id: offerId } })).toMatchObject({
      minQuantity: 1,
      maxQuantity: 1,
    });
  });
});
