'use client';
import { StatusBadge } from '@/components/ui/page-header';

/** One of a customer's subscriptions as its table shows it; labels are already in the user's language. */
export type SubscriptionRow = {
  id: string;
  offer: string;
  quantity: number;
  status: string;
  reseller: string;
  supportContact: string;
  supportContactDetails: string;
};

/**
 * The table's rows, rendered from their data: a client component so the page's
 * React payload carries each row's data once instead of its markup (the server
 * renders the HTML as before). Links are plain anchors: no router work per
 * row; a click loads the page.
 */
export function SubscriptionRows({ rows }: { rows: SubscriptionRow[] }) {
  return rows.map((s) => (
    <tr key={s.id}>
      <td>
        <a href={`/subscriptions/${s.id}`} className="lnk font-medium">
          {s.offer}
        </a>
      </td>
      <td>{s.quantity}</td>
      <td>
        <StatusBadge>{s.status}</StatusBadge>
      </td>
      <td>{s.reseller}</td>
      <td>
        <span className="font-medium">{s.supportContact}</span>
        <span className="sub">{s.supportContactDetails}</span>
      </td>
    </tr>
  ));
}
