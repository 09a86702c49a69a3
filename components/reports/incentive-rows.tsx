'use client';

/** One line of the incentives report; amounts and dates are already formatted in the user's language. */
export type IncentiveRow = {
  key: string;
  reseller: string;
  resellerMpnId: string | null;
  customer: string;
  provider: string;
  offer: string;
  quantity: number;
  unitPrice: string;
  rate: string;
  period: string;
  days: string;
  earned: string;
};

/**
 * The report's detail rows, rendered from their data: a client component so
 * the page's React payload carries each row's data once instead of its markup
 * (the server renders the HTML as before).
 */
export function IncentiveRows({ rows }: { rows: IncentiveRow[] }) {
  return rows.map((r) => (
    <tr key={r.key}>
      <td>
        {r.reseller}
        <span className="sub">{r.resellerMpnId}</span>
      </td>
      <td>
        {r.customer}
        <span className="sub">{r.provider}</span>
      </td>
      <td>{r.offer}</td>
      <td>{r.quantity}</td>
      <td>{r.unitPrice}</td>
      <td>{r.rate}</td>
      <td>{r.period}</td>
      <td>{r.days}</td>
      <td className="font-medium">{r.earned}</td>
    </tr>
  ));
}

/** The totals per reseller (and currency), amounts already formatted: rendered from their data like the details. */
export function IncentiveTotalRows({ rows }: { rows: { key: string; reseller: string; total: string }[] }) {
  return rows.map((r) => (
    <tr key={r.key}>
      <td className="font-medium">{r.reseller}</td>
      <td>{r.total}</td>
    </tr>
  ));
}
