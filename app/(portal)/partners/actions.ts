'use server';
import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions';
import { setPartnerStatus } from '@/lib/organizations/set-partner-status';
import { setPartnerStatusInput } from '@/lib/organizations/schemas';

export const setPartnerStatusAction = defineAction({
  permission: 'partners.manage',
  input: setPartnerStatusInput,
  run: async (ctx, input) => {
    const result = await setPartnerStatus(ctx, input);
    revalidatePath('/partners');
    return result;
  },
});
