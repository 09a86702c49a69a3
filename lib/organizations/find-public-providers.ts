import 'server-only';
import { query } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';

type Row = {
  id: string;
  legalName: string;
  mpnId: string | null;
  country: string;
  website: string | null;
  hasProfile: boolean;
  description: string | null;
  regionsServed: string[] | null;
  contactEmail: string | null;
  contactPhone: string | null;
  profileWebsite: string | null;
};

/** The one statement behind Find a provider: active providers (index on kind, status, legalName) with their profile. */
export function findPublicProvidersSql(): Prisma.Sql {
  return Prisma.sql`
    SELECT o.id, o."legalName", o."mpnId", o.country, o.website,
           pp.id IS NOT NULL AS "hasProfile", pp.description, pp."regionsServed",
           pp."contactEmail", pp."contactPhone", pp.website AS "profileWebsite"
      FROM "Organization" o
      LEFT JOIN "ProviderProfile" pp ON pp."organizationId" = o.id
     WHERE o.kind = 'INDIRECT_PROVIDER' AND o.status = 'ACTIVE'
     ORDER BY o."legalName", o.id
     LIMIT 500`;
}

/** The official indirect providers list (R13, read side): public, active providers only. */
export async function findPublicProviders() {
  const rows = await query<Row>(findPublicProvidersSql(), { plan: 'reuse' });
  return rows.map((r) => ({
    id: r.id,
    legalName: r.legalName,
    mpnId: r.mpnId,
    country: r.country,
    website: r.website,
    profile: r.hasProfile
      ? {
          description: r.description ?? '',
          regionsServed: r.regionsServed ?? [],
          contactEmail: r.contactEmail,
          contactPhone: r.contactPhone,
          website: r.profileWebsite,
        }
      : null,
  }));
}
