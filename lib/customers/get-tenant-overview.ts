import 'server-only';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { NotFound } from '@/lib/errors';
import { getCustomerRecord } from './get-customer';

/** A customer user's own tenant: partners that serve it and each subscription's support contact. */
export async function getTenantOverview(ctx: Ctx) {
  assertCan(ctx, 'tenant.read');
  if (!ctx.customerId) throw new NotFound('customer');
  return getCustomerRecord(ctx, ctx.customerId);
}
