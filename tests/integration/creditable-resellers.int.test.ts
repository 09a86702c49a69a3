import { beforeEach, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeChannel, makeCtx, makeOrg, makePartners } from '../factories';
import { FILTER_OPTIONS_MAX } from '@/lib/partnerships/list-reseller-options';
import { listCreditableResellers } from '@/lib/orders/list-creditable-resellers';
import { NotFound, Refused } from '@/lib/errors';

beforeEach(resetDatabase);

it('offers the provider’s active partners, the managing reseller first by default; a reseller only itself (R1, R8)', async () => {
  const { provider, resellerA, resellerB, customer } = await makeChannel();
  const stranger = await makeOrg('INDIRECT_RESELLER');
  const providerView = await listCreditableResellers(
    await makeCtx('SALES_AGENT', { organizationId: provider.id }),
    customer.id,
  );
  expect(providerView.resellers!.map((r) => r.id).sort()).toEqual([resellerA.id, resellerB.id].sort());
  expect(providerView.resellers!.map((r) => r.id)).not.toContain(stranger.id);
  expect(providerView.defaultResellerId).toBe(resellerA.id);
  const resellerView = await listCreditableResellers(
    await makeCtx('ADMIN', { organizationId: resellerA.id }),
    customer.id,
  );
  expect(resellerView.resellers!.map((r) => r.id)).toEqual([resellerA.id]);
});

it('answers 404 outside the user’s reach and refuses roles that cannot order', async () => {
  const { provider, customer, resellerB } = await makeChannel();
  const other = await makeChannel();
  await expect(
    listCreditableResellers(await makeCtx('ADMIN', { organizationId: other.provider.id }), customer.id),
  ).rejects.toBeInstanceOf(NotFound);
  await expect(
    listCreditableResellers(await makeCtx('ADMIN', { organizationId: resellerB.id }), customer.id),
  ).rejects.toBeInstanceOf(NotFound);
  await expect(
    listCreditableResellers(await makeCtx('HELPDESK_AGENT', { organizationId: provider.id }), customer.id),
  ).rejects.toBeInstanceOf(Refused);
});

it('gives no list when the provider has more partners than a list can hold (the form takes an MPN ID)', async () => {
  const { provider, customer } = await makeChannel();
  const ctx = await makeCtx('SALES_AGENT', { organizationId: provider.id });
  await makePartners(provider.id, FILTER_OPTIONS_MAX - 2, 6_100_000);
  expect((await listCreditableResellers(ctx, customer.id)).resellers).toHaveLength(FILTER_OPTIONS_MAX);
  await makePartners(provider.id, 1, 6_199_000);
  expect(await listCreditableResellers(ctx, customer.id)).toMatchObject({
    resellers: null,
    defaultResellerId: customer.managingResellerId,
  });
});
