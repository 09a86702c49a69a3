'use client';
import { StatusBadge } from '@/components/ui/page-header';
import { fillIn } from '@/components/ui/row-labels';
import { RelationTag } from '@/components/reports/filter-select';

/** One subscription as the reseller's Subscriptions list shows it; labels are already in the user's language. */
export type ResellerSubscriptionRow = {
  id: string;
  customer: string;
  tenantDomain: string;
  offer: string;
  quantity: number;
  status: string;
  reseller: string;
  supportContact: string;
  managed: boolean;
  isSupportContact: boolean;
};

/**
 * The list's rows, rendered from their data: a client component so the page's
 * React payload carries each row's data once instead of its markup (the server
 * renders the HTML as before). Links are plain anchors: no router work per
 * row; a click loads the page. `labels`: the two role tags, and the offer
 * link's name with "{customer}" and "{offer}" standing for the row's.
 */
export function ResellerSubscriptionRows({
  rows,
  labels,
}: {
  rows: ResellerSubscriptionRow[];
  labels: { managed: string; support: string; open: string };
}) {
  return rows.map((s) => (
    <tr key={s.id}>
      <td>
        <span className="font-medium">{s.customer}</span>
        <span className="sub">{s.tenantDomain}</span>
      </td>
      <td>
        <a
          href={`/subscriptions/${s.id}`}
          className="lnk"
          aria-label={fillIn(labels.open, { customer: s.customer, offer: s.offer })}
        >
          {s.offer}
        </a>
      </td>
      <td>{s.quantity}</td>
      <td>
        <StatusBadge>{s.status}</StatusBadge>
      </td>
      <td>{s.reseller}</td>
      <td>{s.supportContact}</td>
      <td>
        {s.managed ? <RelationTag tone="managed">{labels.managed}</RelationTag> : null}
        {s.isSupportContact ? <RelationTag tone="support">{labels.support}</RelationTag> : null}
      </td>
    </tr>
  ));
}
