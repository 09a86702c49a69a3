import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { domainPrefixSchema } from '@/lib/customers/schemas';

export type DomainAvailability = {
  available: boolean;
  tenantDomain: string;
  reason?: 'orders.errors.domainPrefix' | 'orders.errors.domainTaken';
};

/**
 * The New customer form's check as you type: is `<prefix>.<TENANT_DOMAIN>`
 * well formed and free? Tenant domains are global, so this says nothing about
 * whose customer holds a taken one. Submit checks again (R5).
 */
export async function isDomainPrefixAvailable(ctx: Ctx, prefix: string): Promise<DomainAvailability> {
  assertCan(ctx, 'customers.write');
  const raw = typeof prefix === 'string' ? prefix.trim().toLowerCase().slice(0, 100) : '';
  const tenantDomain = `${raw}.${env.TENANT_DOMAIN}`;
  const parsed = domainPrefixSchema.safeParse(raw);
  if (!parsed.success) return { available: false, tenantDomain, reason: 'orders.errors.domainPrefix' };
  const taken = await db().customer.findUnique({ where: { domainPrefix: parsed.data }, select: { id: true } });
  return taken
    ? { available: false, tenantDomain, reason: 'orders.errors.domainTaken' }
    : { available: true, tenantDomain };
}
