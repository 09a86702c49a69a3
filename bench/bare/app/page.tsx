import { connection } from 'next/server';
import { customers } from '../../../app/(portal)/bench-floor/fixed-data';

// The 50 rows the portal's Customers floor shows (/bench-floor), in a plain
// table, rendered per request like the portal's pages.
export default async function BarePage() {
  await connection();
  return (
    <table>
      <tbody>
        {customers.list.rows.map((row) => (
          <tr key={row.id}>
            <td>
              <a href={`/customers/${row.id}`}>{row.companyName}</a>
            </td>
            <td>{row.tenantDomain}</td>
            <td>{row.createdAt.toISOString().slice(0, 10)}</td>
            <td>{row.provider.legalName}</td>
            <td>{row.managingReseller?.legalName}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
