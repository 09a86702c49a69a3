import 'server-only';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import { audienceOf, type Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { customerScope, partnershipScope, subscriptionScope } from '@/lib/authz/scopes';

/** Up to this many customers the Home counts are computed on every visit. */
export const HOME_EXACT_MAX = 1000;
/** Above it they are computed at most this often per web process, and shown with their time. */
export const HOME_REFRESH_MS = 60_000;

type Summary = {
  audience: ReturnType<typeof audienceOf>;
  partnerships: number;
  customers: number;
  licences: number;
  pendingPartners: number;
};
type Cached = { at: Date; summary: Summary };
const globalForHome = globalThis as unknown as { __pcHomeSummaries?: Map<string, Cached> };

async function compute(ctx: Ctx): Promise<Summary> {
  const audience = audienceOf(ctx);
  const [partnerships, customers, licences, pendingPartners] = await Promise.all([
    db().partnership.count({ where: { AND: [partnershipScope(ctx), { state: 'ACTIVE' }] } }),
    db().customer.count({ where: customerScope(ctx) }),
    db().subscription.aggregate({
      where: { AND: [subscriptionScope(ctx), { status: 'ACTIVE' }] },
      _sum: { quantity: true },
    }),
    audience === 'vendor'
      ? db().organization.count({ where: { status: 'PENDING', kind: { not: 'VENDOR' } } })
      : Promise.resolve(0),
  ]);
  return { audience, partnerships, customers, licences: licences._sum.quantity ?? 0, pendingPartners };
}

/**
 * The counts on a partner's or vendor staff's home page, all scoped. Exact on
 * every visit while the user reaches at most HOME_EXACT_MAX customers (a
 * capped count decides); a larger base (a distributor's 60,000 customers and
 * their licences: half a second of aggregation) is counted at most once a
 * minute per process and shown with the time it was counted (`asOf`).
 */
export async function getHomeSummary(ctx: Ctx): Promise<Summary & { asOf: Date | null }> {
  assertCan(ctx, 'home.read');
  const reach = await db().customer.count({ where: customerScope(ctx), take: HOME_EXACT_MAX + 1 });
  if (reach <= HOME_EXACT_MAX) return { ...(await compute(ctx)), asOf: null };
  const cache = (globalForHome.__pcHomeSummaries ??= new Map());
  const key = `${audienceOf(ctx)}:${ctx.orgId ?? ctx.customerId ?? ''}:${ctx.orgStatus ?? ''}`;
  const now = clock.now();
  let hit = cache.get(key);
  if (!hit || now.getTime() - hit.at.getTime() >= HOME_REFRESH_MS || now < hit.at) {
    hit = { at: now, summary: await compute(ctx) };
    cache.set(key, hit);
  }
  return { ...hit.summary, asOf: hit.at };
}
