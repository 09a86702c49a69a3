'use client';
import Link from 'next/link';

/** One partnership as Indirect resellers shows it; labels are already in the user's language. */
export type ResellerRow = {
  id: string;
  resellerId: string;
  name: string;
  mpnId: string | null;
  active: boolean;
  state: string;
  customers: number;
  viewCustomers: string;
  licences: number;
  since: string;
};

/**
 * The list's rows, rendered from their data: a client component so the page's
 * React payload carries each row's data once instead of its markup (the
 * server renders the HTML as before). `actions`: the row links the user may
 * follow, with their labels, or null for no Actions column.
 */
export function ResellerRows({ rows, actions }: { rows: ResellerRow[]; actions: { addNewCustomer: string | null; remove: string | null } | null }) {
  return rows.map((r) => (
    <tr key={r.id}>
      <td className="font-medium">{r.name}</td>
      <td>{r.mpnId}</td>
      <td><span className="badge">{r.state}</span></td>
      <td>{r.active ? <Link className="lnk" prefetch={false} href={`/customers?reseller=${r.resellerId}`} aria-label={r.viewCustomers}>{r.customers}</Link> : r.customers}</td>
      <td>{r.licences}</td>
      <td>{r.since}</td>
      {actions ? (
        <td>
          {r.active ? (
            <div className="flex flex-wrap gap-x-4 gap-y-1">
              {actions.addNewCustomer ? <Link className="lnk text-sm" prefetch={false} href={`/customers/new?reseller=${r.resellerId}`}>{actions.addNewCustomer}</Link> : null}
              {actions.remove ? <Link className="text-sm text-red-800 underline" prefetch={false} href={`/indirect-resellers/${r.id}/remove`}>{actions.remove}</Link> : null}
            </div>
          ) : null}
        </td>
      ) : null}
    </tr>
  ));
}
