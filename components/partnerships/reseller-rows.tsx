'use client';
import { StatusBadge } from '@/components/ui/page-header';
import { fillIn } from '@/components/ui/row-labels';

/** One partnership as Indirect resellers shows it; its words come once per page (`labels`). */
export type ResellerRow = {
  id: string;
  resellerId: string;
  name: string;
  mpnId: string | null;
  active: boolean;
  state: string;
  customers: number;
  licences: number;
  since: string;
};

/**
 * The list's rows, rendered from their data: a client component so the page's
 * React payload carries each row's data once instead of its markup (the server
 * renders the HTML as before). Links are plain anchors: no router work per
 * row; a click loads the page. `actions`: the row links the user may follow,
 * with their labels, or null for no Actions column. `labels`: each state's
 * name, and the customers link's name with "{reseller}" standing for the row's
 * reseller.
 */
export function ResellerRows({
  rows,
  actions,
  labels,
}: {
  rows: ResellerRow[];
  actions: { addNewCustomer: string | null; remove: string | null } | null;
  labels: { states: Record<string, string>; viewCustomers: string };
}) {
  return rows.map((r) => (
    <tr key={r.id}>
      <td className="font-medium">{r.name}</td>
      <td>{r.mpnId}</td>
      <td>
        <StatusBadge>{labels.states[r.state] ?? r.state}</StatusBadge>
      </td>
      <td>
        {r.active ? (
          <a
            className="lnk"
            href={`/customers?reseller=${r.resellerId}`}
            aria-label={fillIn(labels.viewCustomers, { reseller: r.name })}
          >
            {r.customers}
          </a>
        ) : (
          r.customers
        )}
      </td>
      <td>{r.licences}</td>
      <td>{r.since}</td>
      {actions ? (
        <td>
          {r.active ? (
            <div className="flex flex-wrap gap-x-4 gap-y-1">
              {actions.addNewCustomer ? (
                <a className="lnk text-sm" href={`/customers/new?reseller=${r.resellerId}`}>
                  {actions.addNewCustomer}
                </a>
              ) : null}
              {actions.remove ? (
                <a className="text-sm text-red-800 underline" href={`/indirect-resellers/${r.id}/remove`}>
                  {actions.remove}
                </a>
              ) : null}
            </div>
          ) : null}
        </td>
      ) : null}
    </tr>
  ));
}
