'use client';
import Link from 'next/link';
import { RelationTag } from '@/components/reports/filter-select';

/** One subscription as the reseller's Subscriptions list shows it; labels are already in the user's language. */
export type ResellerSubscriptionRow = {
  id: string;
  customer: string;
  tenantDomain: string;
  offer: string;
  open: string;
  quantity: number;
  status: string;
  reseller: string;
  supportContact: string;
  managed: boolean;
  isSupportContact: boolean;
};

/**
 * The list's rows, rendered from their data: a client component so the page's
 * React payload carries each row's data once instead of its markup (the
 * server renders the HTML as before). `tags`: the two role labels, once.
 */
export function ResellerSubscriptionRows({ rows, tags }: { rows: ResellerSubscriptionRow[]; tags: { managed: string; support: string } }) {
  return rows.map((s) => (
    <tr key={s.id}>
      <td>
        <span className="font-medium">{s.customer}</span>
        <span className="sub">{s.tenantDomain}</span>
      </td>
      <td><Link href={`/subscriptions/${s.id}`} prefetch={false} className="lnk" aria-label={s.open}>{s.offer}</Link></td>
      <td>{s.quantity}</td>
      <td><span className="badge">{s.status}</span></td>
      <td>{s.reseller}</td>
      <td>{s.supportContact}</td>
      <td>
        {s.managed ? <RelationTag tone="managed">{tags.managed}</RelationTag> : null}
        {s.isSupportContact ? <RelationTag tone="support">{tags.support}</RelationTag> : null}
      </td>
    </tr>
  ));
}
