/**
 * The row's down arrow: opens the customer's subscriptions and Add subscription
 * under the row. A plain GET form rendered on the server (no client component
 * per row: 50 rows cost 50 small forms of HTML, nothing to hydrate), so it
 * works as soon as the page is shown; the fragment brings the row back into
 * view after the page loads.
 */
export function ExpandButton({ customerId, label, expanded, params }: { customerId: string; label: string; expanded: boolean; params: Record<string, string | undefined> }) {
  const keep = Object.entries(params).filter((e): e is [string, string] => e[0] !== 'expand' && typeof e[1] === 'string');
  return (
    <form method="get" action={`/customers#customer-${customerId}`}>
      {keep.map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      {expanded ? null : <input type="hidden" name="expand" value={customerId} />}
      <button type="submit" aria-expanded={expanded} aria-label={label} className="rounded px-2 py-1 text-lg leading-none hover:bg-slate-100">
        <span aria-hidden="true" className={`inline-block transition-transform ${expanded ? 'rotate-180' : ''}`}>▾</span>
      </button>
    </form>
  );
}
