// Matrix cases of API apps: an org admin's own apps only.
import { db } from '@/lib/db';
import { createApiApp } from '@/lib/api-apps/create-api-app';
import { findApiApps } from '@/lib/api-apps/find-api-apps';
import { revokeApiApp } from '@/lib/api-apps/revoke-api-app';
import { rotateApiAppSecret } from '@/lib/api-apps/rotate-api-app-secret';
import { type Case, PARTNERS, aud } from './cases-kit';
import { apiApp } from './world-other-channel';

const grant = { permission: 'apps.manage' as const, audiences: PARTNERS };

/** A new app of the caller's organisation to act on (a revoked one cannot be rotated); none for other audiences. */
async function freshApp(ctx: Parameters<Case['call']>[0]): Promise<string | null> {
  if (!PARTNERS.includes(aud(ctx)) || !ctx.orgId) return null;
  const user = await db().user.findUniqueOrThrow({ where: { id: ctx.userId }, select: { id: true } });
  return (await apiApp(ctx.orgId, user.id, 'Own matrix app')).id;
}

export const API_APP_CASES: Case[] = [
  {
    fn: 'lib/api-apps/find-api-apps#findApiApps',
    kind: 'list',
    grant,
    call: (ctx) => findApiApps(ctx),
    ownMarker: (w, ctx) => (aud(ctx) === 'provider' ? w.ours.apiApp : null),
  },
  {
    fn: 'lib/api-apps/create-api-app#createApiApp',
    kind: 'self',
    writes: true,
    grant,
    call: (ctx) => createApiApp(ctx, { name: 'Matrix app', scopes: ['customers.read'] }),
  },
  {
    fn: 'lib/api-apps/rotate-api-app-secret#rotateApiAppSecret',
    kind: 'id',
    writes: true,
    grant,
    call: (ctx, id) => rotateApiAppSecret(ctx, { appId: id }),
    own: (_w, ctx) => freshApp(ctx),
  },
  {
    fn: 'lib/api-apps/revoke-api-app#revokeApiApp',
    kind: 'id',
    writes: true,
    grant,
    call: (ctx, id) => revokeApiApp(ctx, { appId: id }),
    own: (_w, ctx) => freshApp(ctx),
  },
];
