'use server';
import { revalidatePath } from 'next/cache';
import { createApiApp } from '@/lib/api-apps/create-api-app';
import { rotateApiAppSecret } from '@/lib/api-apps/rotate-api-app-secret';
import { revokeApiApp } from '@/lib/api-apps/revoke-api-app';
import { apiAppInput, createApiAppInput } from '@/lib/api-apps/schemas';
import { defineAction } from '@/lib/pipeline/define-action';

/** Registers the app and answers its secret, which the form shows once; a refusal keeps what was typed. */
export const createApiAppAction = defineAction({
  permission: 'apps.manage',
  input: createApiAppInput,
  echo: ['name', 'scopes'],
  run: async (ctx, input) => {
    const result = await createApiApp(ctx, input);
    revalidatePath('/api-apps');
    return result;
  },
});

/** A new secret for the app, answered once; the previous one keeps working for the grace period. */
export const rotateApiAppSecretAction = defineAction({
  permission: 'apps.manage',
  input: apiAppInput,
  run: async (ctx, input) => {
    const result = await rotateApiAppSecret(ctx, input);
    revalidatePath('/api-apps');
    return result;
  },
});

/** Revokes the app: every token of it stops at once. */
export const revokeApiAppAction = defineAction({
  permission: 'apps.manage',
  input: apiAppInput,
  run: async (ctx, input) => {
    await revokeApiApp(ctx, input);
    revalidatePath('/api-apps');
    return 'revoked' as const;
  },
});
