import { loadOr404, requirePageCtx } from '@/lib/auth/page';
import { assertAudience } from '@/lib/authz/policy';
import { findIndirectResellers } from '@/lib/partnerships/find-indirect-resellers';
import { IndirectResellersView, type IndirectResellersSearch } from '@/components/partnerships/indirect-resellers-view';

export default async function IndirectResellersPage({
  searchParams,
}: {
  searchParams: Promise<IndirectResellersSearch>;
}) {
  const ctx = await requirePageCtx('/indirect-resellers');
  const search = await searchParams;
  // The page and its pending invitations in one statement.
  const data = await loadOr404(async () => {
    assertAudience(ctx, 'provider');
    return findIndirectResellers(
      ctx,
      { q: search.q, after: search.after, removed: search.removed },
      { invitations: true },
    );
  });
  return <IndirectResellersView ctx={ctx} search={search} data={data} invitations={data.invitations!} />;
}
