'use client';
import { Fragment } from 'react';
import Link from 'next/link';
import { ExpandButton } from './expand-button';

/** One customer as the Customers list shows it; `label` is its down arrow's name in the user's language. */
export type CustomerRow = { id: string; name: string; domain: string; reseller: string; label: string };

/**
 * The list's rows, rendered from their data: a client component so the page's
 * React payload carries each row's data once instead of its markup (the
 * server renders the HTML as before). The expanded row's content comes from
 * the server (`expanded`, shown under the row `expandedId`).
 */
export function CustomerRows({ rows, expandedId, expanded }: { rows: CustomerRow[]; expandedId?: string; expanded?: React.ReactNode }) {
  return rows.map((c) => (
    <Fragment key={c.id}>
      <tr id={`customer-${c.id}`}>
        <td className="w-12"><ExpandButton customerId={c.id} expanded={c.id === expandedId} label={c.label} /></td>
        <td><Link href={`/customers/${c.id}`} prefetch={false} className="lnk font-medium">{c.name}</Link></td>
        <td>{c.domain}</td>
        <td>{c.reseller}</td>
      </tr>
      {c.id === expandedId ? (
        <tr>
          <td colSpan={4} className="p-0">{expanded}</td>
        </tr>
      ) : null}
    </Fragment>
  ));
}
