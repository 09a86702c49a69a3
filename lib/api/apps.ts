import 'server-only';
import { createApiApp } from '@/lib/api-apps/create-api-app';
import { findApiApps } from '@/lib/api-apps/find-api-apps';
import { revokeApiApp } from '@/lib/api-apps/revoke-api-app';
import { rotateApiAppSecret } from '@/lib/api-apps/rotate-api-app-secret';
import { defineOperation } from './operation';
import { apiAppBody, apiAppItem, apiAppSecretAnswer, appPath, doneAnswer } from './schemas';

// The organisation's API apps, as on the API apps page (decision 0058). The
// scope that manages the organisation's integrations (webhooks.manage) opens
// them; an app registered here never holds more than the calling token.
export const appsApi = {
  list: defineOperation({
    method: 'GET',
    path: '/apps',
    operationId: 'listApiApps',
    summary: "The organisation's API apps",
    tag: 'API apps',
    scope: 'webhooks.manage',
    response: apiAppItem,
    list: true,
    run: async ({ ctx }) => ({ items: await findApiApps(ctx), nextCursor: null }),
  }),
  create: defineOperation({
    method: 'POST',
    path: '/apps',
    operationId: 'createApiApp',
    summary: 'Register an API app',
    description: 'Its client secret is in this answer only. Scopes beyond those of the calling token are refused.',
    tag: 'API apps',
    scope: 'webhooks.manage',
    body: apiAppBody,
    response: apiAppSecretAnswer,
    status: 201,
    run: async ({ ctx, body }) => ({ body: await createApiApp(ctx, body) }),
  }),
  rotate: defineOperation({
    method: 'POST',
    path: '/apps/{appId}/rotate-secret',
    operationId: 'rotateApiAppSecret',
    summary: "Rotate an app's secret",
    description: 'The new secret is in this answer only; the previous one keeps working for 24 hours.',
    tag: 'API apps',
    scope: 'webhooks.manage',
    params: appPath,
    response: apiAppSecretAnswer,
    run: async ({ ctx, params }) => ({ body: await rotateApiAppSecret(ctx, { appId: params.appId }) }),
  }),
  revoke: defineOperation({
    method: 'POST',
    path: '/apps/{appId}/revoke',
    operationId: 'revokeApiApp',
    summary: 'Revoke an app',
    description: 'Every token of the app stops at once; revoking is final.',
    tag: 'API apps',
    scope: 'webhooks.manage',
    params: appPath,
    response: doneAnswer,
    run: async ({ ctx, params }) => {
      await revokeApiApp(ctx, { appId: params.appId });
      return { body: { id: params.appId, state: 'REVOKED' } };
    },
  }),
};
