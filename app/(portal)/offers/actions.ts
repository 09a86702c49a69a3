'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/actions';
import { createOffer } from '@/lib/offers/create-offer';
import { setOfferActive } from '@/lib/offers/set-offer-active';
import { updateOffer } from '@/lib/offers/update-offer';
import { createOfferInput, setOfferActiveInput, updateOfferInput } from '@/lib/offers/schemas';
import type { OfferFormState, OfferFormValues } from '@/components/offers/offer-form';

const create = defineAction({
  permission: 'offers.manage',
  input: createOfferInput,
  run: async (ctx, input) => {
    const result = await createOffer(ctx, input);
    revalidatePath('/offers');
    return result;
  },
});

const update = defineAction({
  permission: 'offers.manage',
  input: updateOfferInput,
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

/** What was typed, so a refused form comes back as it was sent. */
function typed(formData: FormData): OfferFormValues {
  const text = (key: string) => String(formData.get(key) ?? '').slice(0, 2000);
  return {
    sku: text('sku'),
    name: text('name'),
    description: text('description'),
    billingFrequency: text('billingFrequency'),
    termMonths: text('termMonths'),
    unitPrice: text('unitPrice'),
    currency: text('currency'),
    minQuantity: text('minQuantity'),
    maxQuantity: text('maxQuantity'),
    isAzurePlan: formData.has('isAzurePlan'),
    incentiveRate: text('incentiveRate'),
    upgradeTargetIds: formData.getAll('upgradeTargetIds').map(String).slice(0, 50),
    active: formData.has('active'),
  };
}

/** Adds the offer and shows it in the list; a refusal keeps what was typed. */
export async function createOfferAction(
  _prev: OfferFormState | undefined,
  formData: FormData,
): Promise<OfferFormState> {
  const state = await create(undefined, formData);
  if (state.ok && state.data) redirect(`/offers?created=${encodeURIComponent(state.data.offerId)}`);
  return { ...state, values: typed(formData) };
}

/** Saves the offer; a refusal (including a concurrent edit) keeps what was typed. */
export async function updateOfferAction(
  _prev: OfferFormState | undefined,
  formData: FormData,
): Promise<OfferFormState> {
  const state = await update(undefined, formData);
  if (state.ok) return state;
  return { ...state, values: typed(formData) };
}
