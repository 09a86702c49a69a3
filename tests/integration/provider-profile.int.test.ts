import { beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeCtx, makeOrg } from '../factories';
import { db } from '@/lib/db';
import { findPublicProviders } from '@/lib/organizations/find-public-providers';
import { getProviderProfile } from '@/lib/organizations/get-provider-profile';
import { updateProviderProfile } from '@/lib/organizations/update-provider-profile';
import type { UpdateProviderProfileInput } from '@/lib/organizations/schemas';
import { Conflict, NotFound, Refused } from '@/lib/errors';

beforeEach(resetDatabase);

async function setup() {
  const vendor = await makeOrg('VENDOR');
  const staff = await makeCtx('VENDOR_ADMIN', { organizationId: vendor.id });
  const provider = await makeOrg('INDIRECT_PROVIDER');
  await db().providerProfile.create({
    data: {
      organizationId: provider.id,
      description: 'Original description',
      regionsServed: ['United States'],
      contactEmail: 'old@provider.example',
    },
  });
  return { staff, provider };
}

function edit(orgId: string, overrides: Partial<UpdateProviderProfileInput> = {}): UpdateProviderProfileInput {
  return {
    orgId,
    description: 'Distributor for Japan and APAC.',
    regionsServed: ['Japan', 'Singapore'],
    contactEmail: 'Partners@Provider.example',
    contactPhone: '+81 3 5555 0100',
    website: 'https://provider.example',
    version: null,
    ...overrides,
  };
}

const profileOf = (orgId: string) => db().providerProfile.findUnique({ where: { organizationId: orgId } });

describe('R13 provider profile', () => {
  it('vendor staff edit a provider’s profile; Find a provider shows it and the change is audited', async () => {
    const { staff, provider } = await setup();
    await updateProviderProfile(staff, edit(provider.id));
    const listed = (await findPublicProviders()).find((p) => p.id === provider.id);
    expect(listed?.profile).toEqual({
      description: 'Distributor for Japan and APAC.',
      regionsServed: ['Japan', 'Singapore'],
      contactEmail: 'partners@provider.example',
      contactPhone: '+81 3 5555 0100',
      website: 'https://provider.example',
    });
    expect((await profileOf(provider.id))?.updatedById).toBe(staff.userId);
    const audit = await db().auditEvent.findFirstOrThrow({
      where: { action: 'provider_profile.updated', targetId: provider.id },
    });
    expect(audit).toMatchObject({
      actorUserId: staff.userId,
      outcome: 'OK',
      before: { description: 'Original description' },
      after: { description: 'Distributor for Japan and APAC.' },
    });
    expect(audit.orgIds).toEqual(expect.arrayContaining([staff.orgId, provider.id]));
  });

  it('creates the profile of a provider that has none yet; regions may come as one comma-separated text', async () => {
    const { staff } = await setup();
    const bare = await makeOrg('INDIRECT_PROVIDER');
    await updateProviderProfile(
      staff,
      edit(bare.id, { regionsServed: 'Japan, Korea,, Japan' as never, contactPhone: '', website: '' } as never),
    );
    expect(await profileOf(bare.id)).toMatchObject({
      regionsServed: ['Japan', 'Korea'],
      contactPhone: null,
      website: null,
    });
  });

  it('the provider cannot edit its own profile, nor can anyone but vendor staff: refused, nothing changes', async () => {
    const { provider } = await setup();
    const reseller = await makeOrg('INDIRECT_RESELLER');
    const callers = [
      await makeCtx('ADMIN', { organizationId: provider.id }),
      await makeCtx('ADMIN_AGENT', { organizationId: provider.id }),
      await makeCtx('ADMIN', { organizationId: reseller.id }),
    ];
    const before = await profileOf(provider.id);
    for (const ctx of callers) {
      await expect(updateProviderProfile(ctx, edit(provider.id))).rejects.toBeInstanceOf(Refused);
    }
    expect(await profileOf(provider.id)).toEqual(before);
    expect(await db().auditEvent.count()).toBe(0);
    expect((await findPublicProviders()).find((p) => p.id === provider.id)?.profile?.description).toBe(
      'Original description',
    );
  });

  it('a second editor with a stale form is refused (R14), never silently overwriting the first', async () => {
    const { staff, provider } = await setup();
    const opened = (await profileOf(provider.id))!.updatedAt.toISOString();
    const first = await updateProviderProfile(staff, edit(provider.id, { description: 'First edit', version: opened }));
    await expect(
      updateProviderProfile(staff, edit(provider.id, { description: 'Second edit', version: opened })),
    ).rejects.toBeInstanceOf(Conflict);
    expect((await profileOf(provider.id))?.description).toBe('First edit');
    await updateProviderProfile(staff, edit(provider.id, { description: 'Third edit', version: first.version }));
    expect((await profileOf(provider.id))?.description).toBe('Third edit');
  });

  it('refuses unsafe or invalid values and changes nothing', async () => {
    const { staff, provider } = await setup();
    const before = await profileOf(provider.id);
    for (const bad of [
      { website: 'javascript:alert(1)' },
      { contactEmail: 'nope' },
      { contactPhone: 'call me' },
      { description: 'x'.repeat(2001) },
    ]) {
      await expect(
        updateProviderProfile(staff, edit(provider.id, bad)),
        JSON.stringify(bad).slice(0, 40),
      ).rejects.toThrow();
    }
    expect(await profileOf(provider.id)).toEqual(before);
  });

  it('only providers have a profile: a reseller or unknown id is not found', async () => {
    const { staff } = await setup();
    const reseller = await makeOrg('INDIRECT_RESELLER');
    await expect(updateProviderProfile(staff, edit(reseller.id))).rejects.toBeInstanceOf(NotFound);
    await expect(updateProviderProfile(staff, edit('no-such-org'))).rejects.toBeInstanceOf(NotFound);
    expect(await db().providerProfile.count({ where: { organizationId: reseller.id } })).toBe(0);
  });

  it('a provider reads its own profile; another provider’s, and everyone else, get not found', async () => {
    const { staff, provider } = await setup();
    const other = await makeOrg('INDIRECT_PROVIDER');
    const own = await makeCtx('SALES_AGENT', { organizationId: provider.id });
    expect((await getProviderProfile(own, provider.id)).profile?.description).toBe('Original description');
    await expect(getProviderProfile(own, other.id)).rejects.toBeInstanceOf(NotFound);
    const reseller = await makeCtx('ADMIN', { organizationId: (await makeOrg('INDIRECT_RESELLER')).id });
    await expect(getProviderProfile(reseller, provider.id)).rejects.toBeInstanceOf(NotFound);
    expect((await getProviderProfile(staff, other.id)).profile).toBeNull();
  });
});
