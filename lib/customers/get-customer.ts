import 'server-only';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { customerScope } from '@/lib/authz/scopes';
import { NotFound } from '@/lib/errors';
import { isPlainId } from '@/lib/validation/text';
import { pendingRequestsArgs } from '@/lib/relationships/find-customer-requests';

/** The provider and the managing reseller, as every customer view shows them. */
const parties = {
  provider: { select: { id: true, legalName: true, mpnId: true } },
  managingReseller: { select: { id: true, legalName: true, mpnId: true } },
} as const;

/** The customer by id within the user's reach (R3); an id that is not one answers NotFound before any query. */
function inReach(ctx: Ctx, customerId: string) {
  if (!isPlainId(customerId)) throw new NotFound('customer');
  return { AND: [customerScope(ctx), { id: customerId }] };
}

/**
 * One customer (account, provider, managing reseller); NotFound when outside
 * the user's reach (R3). Its subscriptions are a list of their own
 * (findCustomerSubscriptions, paged).
 */
export async function getCustomer(ctx: Ctx, customerId: string) {
  assertCan(ctx, 'customers.read');
  const customer = await db().customer.findFirst({
    where: inReach(ctx, customerId),
    include: parties,
  });
  if (!customer) throw new NotFound('customer');
  return customer;
}

/**
 * The customer page's customer with the pending relationship requests the
 * user sees on it (findCustomerRequests' rules), in the same statement.
 */
export async function getCustomerWithRequests(ctx: Ctx, customerId: string) {
  assertCan(ctx, 'customers.read');
  const customer = await db().customer.findFirst({
    where: inReach(ctx, customerId),
    include: { ...parties, relationshipRequests: pendingRequestsArgs(ctx) },
  });
  if (!customer) throw new NotFound('customer');
  const { relationshipRequests: requests, ...rest } = customer;
  return { customer: rest, requests };
}

/** The customer user's own tenant with all its subscriptions; the caller has checked the permission. */
export async function getCustomerRecord(ctx: Ctx, customerId: string) {
  const customer = await db().customer.findFirst({
    where: inReach(ctx, customerId),
    include: {
      ...parties,
      subscriptions: {
        orderBy: { createdAt: 'asc' },
        include: {
          offer: { select: { name: true, sku: true, isAzurePlan: true } },
          reseller: { select: { legalName: true, mpnId: true } },
          supportContactOrg: { select: { legalName: true, contactEmail: true, contactPhone: true } },
        },
      },
    },
  });
  if (!customer) throw new NotFound('customer');
  return customer;
}
