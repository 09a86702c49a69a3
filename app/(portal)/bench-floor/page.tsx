import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td } from '@/components/ui/table';

// The benchmark's floor (`npm run bench`): a signed-in page in the portal
// layout that renders 50 fixed rows with the lists' table and queries
// nothing itself. Served only when PC_BENCH=1.

const ROWS = Array.from({ length: 50 }, (_, i) => ({
  id: `row-${i + 1}`,
  company: `Floor Company ${String(i + 1).padStart(2, '0')}`,
  domain: `floor${i + 1}.onmicrosoft.example`,
  reseller: `Floor Reseller ${(i % 7) + 1} (${5_300_000 + (i % 7)})`,
}));

export default async function BenchFloorPage() {
  // Rendered per request like the lists (they read the session and the URL).
  await connection();
  if (process.env.PC_BENCH !== '1') notFound();
  return (
    <>
      <PageHeader title="Floor" />
      <Table caption="Floor" headers={['Company', 'Tenant domain', 'Managing reseller']}>
        {ROWS.map((row) => (
          <tr key={row.id}>
            <Td><a href={`#${row.id}`} className="lnk font-medium">{row.company}</a></Td>
            <Td>{row.domain}</Td>
            <Td>{row.reseller}</Td>
          </tr>
        ))}
      </Table>
    </>
  );
}
