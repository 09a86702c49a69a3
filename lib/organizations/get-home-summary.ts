import 'server-only';
import { db } from '@/lib/db';
import { audienceOf, type Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { customerScope, partnershipScope, subscriptionScope } from '@/lib/authz/scopes';

/** The counts on a partner's or vendor staff's home page, all scoped. */
export async function getHomeSummary(ctx: Ctx) {
  assertCan(ctx, 'home.read');
  const audience = audienceOf(ctx);
  const [partnerships, customers, licences, pendingPartners] = await Promise.all([
    db().partnership.count({ where: { AND: [partnershipScope(ctx), { state: 'ACTIVE' }] } }),
    db().customer.count({ where: customerScope(ctx) }),
    db().subscription.aggregate({ where: { AND: [subscriptionScope(ctx), { status: 'ACTIVE' }] }, _sum: { quantity: true } }),
    audience === 'vendor' ? db().organization.count({ where: { status: 'PENDING', kind: { not: 'VENDOR' } } }) : Promise.resolve(0),
  ]);
  return { audience, partnerships, customers, licences: licences._sum.quantity ?? 0, pendingPartners };
}
