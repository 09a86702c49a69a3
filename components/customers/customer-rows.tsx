'use client';
import { Fragment } from 'react';
import { fillIn } from '@/components/ui/row-labels';
import { ExpandButton } from './expand-button';

/** One customer as the Customers list shows it. */
export type CustomerRow = { id: string; name: string; domain: string; reseller: string };

/**
 * The list's rows, rendered from their data: a client component so the page's
 * React payload carries each row's data once instead of its markup (the server
 * renders the HTML as before). Links are plain anchors: no router work per
 * row; a click loads the page. The expanded row's content comes from the
 * server (`expanded`, shown under the row `expandedId`). `labels`: the down
 * arrow's names, with "{company}" standing for the row's customer.
 */
export function CustomerRows({
  rows,
  labels,
  expandedId,
  expanded,
}: {
  rows: CustomerRow[];
  labels: { expand: string; collapse: string };
  expandedId?: string;
  expanded?: React.ReactNode;
}) {
  return rows.map((c) => (
    <Fragment key={c.id}>
      <tr id={`customer-${c.id}`}>
        <td className="w-12">
          <ExpandButton
            customerId={c.id}
            expanded={c.id === expandedId}
            label={fillIn(labels[c.id === expandedId ? 'collapse' : 'expand'], { company: c.name })}
          />
        </td>
        <td>
          <a href={`/customers/${c.id}`} className="lnk font-medium">
            {c.name}
          </a>
        </td>
        <td>{c.domain}</td>
        <td>{c.reseller}</td>
      </tr>
      {c.id === expandedId ? (
        <tr>
          <td colSpan={4} className="p-0">
            {expanded}
          </td>
        </tr>
      ) : null}
    </Fragment>
  ));
}
