import { beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeChannel, makeCtx } from '../factories';
import { db } from '@/lib/db';
import { updateCustomerDetails } from '@/lib/customers/update-customer-details';
import type { UpdateCustomerDetailsInput } from '@/lib/customers/schemas';
import { Conflict, Invalid, NotFound, Refused } from '@/lib/errors';

beforeEach(resetDatabase);

async function form(
  customerId: string,
  changes: Partial<Record<string, string>> = {},
): Promise<UpdateCustomerDetailsInput> {
  const c = await db().customer.findUniqueOrThrow({ where: { id: customerId } });
  return {
    customerId,
    version: c.updatedAt.toISOString(),
    companyName: c.companyName,
    addressLine1: c.addressLine1,
    addressLine2: '',
    city: c.city,
    region: '',
    postalCode: c.postalCode,
    country: c.country,
    contactFirstName: c.contactFirstName,
    contactLastName: c.contactLastName,
    contactEmail: c.contactEmail,
    contactPhone: '',
    language: c.language as 'en' | 'ja',
    ...changes,
  };
}

describe('R3 account info of a customer', () => {
  it('the managing reseller (delegated admin) and the provider change it; audit records what changed', async () => {
    const { provider, resellerA, customer } = await makeChannel();
    const reseller = await makeCtx('ADMIN_AGENT', { organizationId: resellerA.id });
    expect(await updateCustomerDetails(reseller, await form(customer.id, { city: 'Kyoto' }))).toEqual({
      customerId: customer.id,
      changed: ['city'],
    });
    await updateCustomerDetails(
      await makeCtx('SALES_AGENT', { organizationId: provider.id }),
      await form(customer.id, { contactPhone: '+81 75 555 0100' }),
    );
    const after = await db().customer.findUniqueOrThrow({ where: { id: customer.id } });
    expect(after).toMatchObject({
      city: 'Kyoto',
      contactPhone: '+81 75 555 0100',
      domainPrefix: customer.domainPrefix,
    });
    const audit = await db().auditEvent.findFirstOrThrow({
      where: { action: 'customer.updated', actorUserId: reseller.userId },
    });
    expect(audit.after).toEqual({ city: 'Kyoto' });
  });

  it('another reseller or provider gets 404; a helpdesk agent is refused; nothing changes', async () => {
    const { provider, resellerB, customer } = await makeChannel();
    const other = await makeChannel();
    const before = await db().customer.findUniqueOrThrow({ where: { id: customer.id } });
    await expect(
      updateCustomerDetails(
        await makeCtx('ADMIN', { organizationId: resellerB.id }),
        await form(customer.id, { city: 'X' }),
      ),
    ).rejects.toBeInstanceOf(NotFound);
    await expect(
      updateCustomerDetails(
        await makeCtx('ADMIN', { organizationId: other.provider.id }),
        await form(customer.id, { city: 'X' }),
      ),
    ).rejects.toBeInstanceOf(NotFound);
    await expect(
      updateCustomerDetails(
        await makeCtx('HELPDESK_AGENT', { organizationId: provider.id }),
        await form(customer.id, { city: 'X' }),
      ),
    ).rejects.toBeInstanceOf(Refused);
    expect(await db().customer.findUniqueOrThrow({ where: { id: customer.id } })).toEqual(before);
  });

  it('refuses a stale form and invalid values', async () => {
    const { provider, customer } = await makeChannel();
    const ctx = await makeCtx('ADMIN', { organizationId: provider.id });
    const stale = await form(customer.id, { city: 'First' });
    await updateCustomerDetails(ctx, await form(customer.id, { city: 'Second' }));
    await expect(updateCustomerDetails(ctx, stale)).rejects.toBeInstanceOf(Conflict);
    await expect(
      updateCustomerDetails(ctx, await form(customer.id, { contactEmail: 'not-an-email' })),
    ).rejects.toBeInstanceOf(Invalid);
    expect((await db().customer.findUniqueOrThrow({ where: { id: customer.id } })).city).toBe('Second');
  });
});
