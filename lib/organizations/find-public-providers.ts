import 'server-only';
import { db } from '@/lib/db';

/** The official indirect providers list (R13, read side): public, active providers only. */
export async function findPublicProviders() {
  return db().organization.findMany({
    where: { kind: 'INDIRECT_PROVIDER', status: 'ACTIVE' },
    orderBy: { legalName: 'asc' },
    take: 500,
    select: {
      id: true, legalName: true, mpnId: true, country: true, website: true,
      profile: { select: { description: true, regionsServed: true, contactEmail: true, contactPhone: true, website: true } },
    },
  });
}
