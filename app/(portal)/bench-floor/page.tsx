import { renderFloor } from './floors';

// The benchmark's default floor (`npm run bench`): the Customers list's
// layout with 50 fixed rows (see floors.tsx for every list's floor).
export default async function BenchFloorPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  return renderFloor('customers', searchParams);
}
