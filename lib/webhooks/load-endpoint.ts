import 'server-only';
import type { Tx } from '@/lib/db';
import type { Ctx } from '@/lib/authz/context';
import { NotFound } from '@/lib/errors';

/** One of the caller's organisation's endpoints, locked for the change; another's is not found. */
export async function loadOwnEndpoint(tx: Tx, ctx: Ctx, endpointId: string) {
  const [endpoint] = await tx.$queryRaw<{ id: string; url: string; enabled: boolean; organizationId: string }[]>`
    SELECT "id", "url", "enabled", "organizationId" FROM "WebhookEndpoint"
     WHERE "id" = ${endpointId} AND "organizationId" = ${ctx.orgId!}
     FOR UPDATE`;
  if (!endpoint) throw new NotFound('webhookEndpoint');
  return endpoint;
}
