import { renderFloor } from '../floors';

/** A list layout's benchmark floor: /bench-floor/customers, /bench-floor/audit-log, … (see ../floors.tsx). */
export default async function BenchFloorLayoutPage({
  params,
  searchParams,
}: {
  params: Promise<{ layout: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  return renderFloor((await params).layout, searchParams);
}
