'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createOffer } from '@/lib/offers/create-offer';
import { setOfferActive } from '@/lib/offers/set-offer-active';
import { updateOffer } from '@/lib/offers/update-offer';
import { createOfferInput, setOfferActiveInput, updateOfferInput } from '@/lib/offers/schemas';
import { defineAction } from '@/lib/pipeline/define-action';

/** The offer form's fields, sent back as typed when a save is refused. */
const OFFER_FIELDS = [
  'sku',
  'name',
  'description',
  'billingFrequency',
  'termMonths',
  'unitPrice',
  'currency',
  'minQuantity',
  'maxQuantity',
  'isAzurePlan',
  'incentiveRate',
  'upgradeTargetIds',
  'active',
] as const;

/** Adds the offer and shows it in the list; a refusal keeps what was typed. */
export const createOfferAction = defineAction({
  permission: 'offers.manage',
  input: createOfferInput,
  echo: OFFER_FIELDS,
  run: async (ctx, input) => {
    const result = await createOffer(ctx, input);
    revalidatePath('/offers');
    redirect(`/offers?created=${encodeURIComponent(result.offerId)}`);
  },
});

/** Saves the offer; a refusal (including a concurrent edit) keeps what was typed. */
export const updateOfferAction = defineAction({
  permission: 'offers.manage',
  input: updateOfferInput,
  echo: OFFER_FIELDS,
  run: async (ctx, input) => {
    const result = await updateOffer(ctx, input);
    revalidatePath('/offers');
    revalidatePath(`/offers/${result.offerId}`);
    return result;
  },
});

export const setOfferActiveAction = defineAction({
  permission: 'offers.manage',
  input: setOfferActiveInput,
  run: async (ctx, input) => {
    const result = await setOfferActive(ctx, input);
    revalidatePath('/offers');
    return result;
  },
});
