'use server';
import { revalidatePath } from 'next/cache';
import { enrolReseller } from '@/lib/organizations/enrol-reseller';
import { setPartnerStatus } from '@/lib/organizations/set-partner-status';
import { updateProviderProfile } from '@/lib/organizations/update-provider-profile';
import { setPartnerStatusInput, updateProviderProfileInput } from '@/lib/organizations/schemas';
import { defineAction, definePublicAction } from '@/lib/pipeline/define-action';
import type { ActionState } from '@/lib/pipeline/form-state';
import { LIMITS } from '@/lib/rate-limit/limiter';

export type ProfileFormState = ActionState<{ orgId: string; version: string }>;
export type EnrolState = ActionState<{ email: string; companyName: string }>;

export const setPartnerStatusAction = defineAction({
  permission: 'partners.manage',
  input: setPartnerStatusInput,
  run: async (ctx, input) => {
    const result = await setPartnerStatus(ctx, input);
    revalidatePath('/partners');
    return result;
  },
});

/** Saves the profile; a refused form comes back with what was typed, so nothing is lost. */
export const updateProviderProfileAction = defineAction({
  permission: 'profiles.manage',
  input: updateProviderProfileInput,
  echo: ['description', 'regionsServed', 'contactEmail', 'contactPhone', 'website'],
  run: async (ctx, input) => {
    const result = await updateProviderProfile(ctx, input);
    revalidatePath(`/partners/${result.orgId}/profile`);
    revalidatePath('/find-a-provider');
    return result;
  },
});

/**
 * Public reseller enrolment: no schema here, enrolReseller parses the fields
 * itself so that it can say at once which MPN ID or email is taken. A refusal
 * shows everything again but the passwords.
 */
export const enrolAction = definePublicAction({
  rateLimit: LIMITS.enrolAddress,
  echo: ['companyName', 'mpnId', 'country', 'adminName', 'email'],
  run: async (_ctx, fields) => {
    const { email, companyName } = await enrolReseller(fields);
    return { email, companyName };
  },
});
