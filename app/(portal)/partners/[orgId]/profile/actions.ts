'use server';
import { revalidatePath } from 'next/cache';
import { defineAction, type ActionState } from '@/lib/actions';
import { updateProviderProfile } from '@/lib/organizations/update-provider-profile';
import { updateProviderProfileInput } from '@/lib/organizations/schemas';

const FIELDS = ['description', 'regionsServed', 'contactEmail', 'contactPhone', 'website'] as const;
export type ProfileFormState = ActionState<{ orgId: string; version: string }> & {
  values?: Partial<Record<(typeof FIELDS)[number], string>>;
};

const save = defineAction({
  permission: 'profiles.manage',
  input: updateProviderProfileInput,
  run: async (ctx, input) => {
    const result = await updateProviderProfile(ctx, input);
    revalidatePath(`/partners/${result.orgId}/profile`);
    revalidatePath('/find-a-provider');
    return result;
  },
});

/** Saves the profile; a refused form comes back with what was typed, so nothing is lost. */
export async function updateProviderProfileAction(
  prev: ProfileFormState | undefined,
  formData: FormData,
): Promise<ProfileFormState> {
  const state = await save(prev, formData);
  if (state.ok) return state;
  const values = Object.fromEntries(FIELDS.map((key) => [key, String(formData.get(key) ?? '').slice(0, 4000)]));
  return { ...state, values };
}
