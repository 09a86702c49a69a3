import 'server-only';
import { db, type Tx } from '@/lib/db';
import { audienceOf, type Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { subscriptionAdminScope } from '@/lib/authz/scopes';
import { NotFound } from '@/lib/errors';

type Client = Tx | ReturnType<typeof db>;
type Party = { id: string; legalName: string; mpnId: string | null };
type CustomerParties = {
  providerId: string;
  provider: Party;
  managingResellerId: string | null;
  resellerDelegatedAdmin: boolean;
};

/**
 * R9: who may be a subscription's designated support contact — its provider
 * (the default) or the reseller that manages the customer with delegated
 * admin, while that reseller is in an ACTIVE partnership with the provider.
 */
export async function supportContactOptions(client: Client, customer: CustomerParties): Promise<Party[]> {
  const options: Party[] = [customer.provider];
  if (customer.managingResellerId && customer.resellerDelegatedAdmin) {
    // In a change's transaction, hold the partnership until commit (a concurrent R10 must not leave an ex-partner
    // as support contact).
    await client.$queryRaw`SELECT "id" FROM "Partnership"
      WHERE "providerId" = ${customer.providerId} AND "resellerId" = ${customer.managingResellerId}
        AND "state" = 'ACTIVE'
      FOR SHARE`;
    const partnership = await client.partnership.findFirst({
      where: {
        providerId: customer.providerId,
        resellerId: customer.managingResellerId,
        state: 'ACTIVE',
        reseller: { status: 'ACTIVE' },
      },
      select: { reseller: { select: { id: true, legalName: true, mpnId: true } } },
    });
    if (partnership) options.push(partnership.reseller);
  }
  return options;
}

/** R8 with R1: the resellers the list offers for Reseller (MPN ID); a reseller user sees only itself. */
export async function resellerOptions(client: Client, ctx: Ctx, providerId: string): Promise<Party[]> {
  const rows = await client.partnership.findMany({
    where: {
      providerId,
      state: 'ACTIVE',
      reseller: { status: 'ACTIVE' },
      ...(audienceOf(ctx) === 'reseller' ? { resellerId: ctx.orgId! } : {}),
    },
    orderBy: { reseller: { legalName: 'asc' } },
    select: { reseller: { select: { id: true, legalName: true, mpnId: true } } },
  });
  return rows.map((r) => r.reseller);
}

/** The Designated support contact choices of one subscription the user may change. */
export async function listSupportContactOptions(ctx: Ctx, subscriptionId: string): Promise<Party[]> {
  assertCan(ctx, 'support.write');
  const subscription = await db().subscription.findFirst({
    where: { AND: [subscriptionAdminScope(ctx), { id: subscriptionId }] },
    select: {
      customer: {
        select: {
          providerId: true,
          managingResellerId: true,
          resellerDelegatedAdmin: true,
          provider: { select: { id: true, legalName: true, mpnId: true } },
        },
      },
    },
  });
  if (!subscription) throw new NotFound('subscription');
  return supportContactOptions(db(), subscription.customer);
}
