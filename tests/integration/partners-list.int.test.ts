// Vendor staff's Partners list: search by name anywhere or MPN ID prefix,
// status filter, keyset pages that together hold every partner once.
import { beforeEach, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeCtx, makeOrg } from '../factories';
import { db } from '@/lib/db';
import { PARTNERS_PAGE_SIZE, findPartners } from '@/lib/organizations/find-partners';

beforeEach(resetDatabase);

it('pages through every partner once, providers first, by name', async () => {
  const vendor = await makeOrg('VENDOR');
  const ctx = await makeCtx('VENDOR_ADMIN', { organizationId: vendor.id });
  const tag = Math.random().toString(36).slice(2, 8);
  await db().$executeRaw`
    INSERT INTO "Organization" (id, kind, "legalName", "mpnId", country, status, "updatedAt")
    SELECT 'o' || ${tag} || g, CASE WHEN g % 10 = 0 THEN 'INDIRECT_PROVIDER' ELSE 'INDIRECT_RESELLER' END::"OrgKind",
           'Partner ' || lpad(g::text, 3, '0'), (7000000 + g)::text, 'US', CASE WHEN g % 7 = 0 THEN 'PENDING' ELSE 'ACTIVE' END::"EnrolmentStatus", now()
      FROM generate_series(1, ${PARTNERS_PAGE_SIZE * 2 + 5}) g`;
  const seen: string[] = [];
  let after: string | undefined;
  for (let i = 0; i < 5; i++) {
    const page = await findPartners(ctx, { after });
    seen.push(...page.rows.map((r) => r.id));
    if (!page.nextCursor) break;
    after = page.nextCursor;
  }
  const all = await db().organization.findMany({
    where: { kind: { not: 'VENDOR' } },
    orderBy: [{ kind: 'asc' }, { legalName: 'asc' }, { id: 'asc' }],
    select: { id: true },
  });
  expect(seen).toEqual(all.map((o) => o.id));
  expect((await findPartners(ctx, { status: 'PENDING' })).rows.every((r) => r.status === 'PENDING')).toBe(true);
  // Partner 010 is a provider: providers come first.
  expect((await findPartners(ctx, { q: 'tner 01' })).rows.map((r) => r.legalName)).toEqual(
    Array.from({ length: 10 }, (_, k) => `Partner 01${k}`),
  );
  expect((await findPartners(ctx, { q: '7000105' })).rows.map((r) => r.legalName)).toEqual(['Partner 105']);
  expect((await findPartners(ctx, { status: 'BOGUS' })).rows).toHaveLength(PARTNERS_PAGE_SIZE);
});
