import 'server-only';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';

/** The organisation's webhook endpoints, newest first (never a secret). */
export async function findWebhookEndpoints(ctx: Ctx) {
  assertCan(ctx, 'apps.manage');
  return db().webhookEndpoint.findMany({
    where: { organizationId: ctx.orgId! },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 100,
    select: {
      id: true,
      url: true,
      events: true,
      enabled: true,
      disabledReason: true,
      disabledAt: true,
      createdAt: true,
    },
  });
}
