import Form from 'next/form';

/**
 * The row's down arrow: opens the customer's subscriptions and Add subscription
 * under the row. A GET form, so it works as soon as the page is shown (before
 * its scripts run) and navigates client-side once they do.
 */
export function ExpandButton({ customerId, label, expanded, params }: { customerId: string; label: string; expanded: boolean; params: Record<string, string | undefined> }) {
  const keep = Object.entries(params).filter((e): e is [string, string] => e[0] !== 'expand' && typeof e[1] === 'string');
  return (
    <Form action="/customers" scroll={false}>
      {keep.map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      {expanded ? null : <input type="hidden" name="expand" value={customerId} />}
      <button type="submit" aria-expanded={expanded} aria-label={label} className="rounded px-2 py-1 text-lg leading-none hover:bg-slate-100">
        <span aria-hidden="true" className={`inline-block transition-transform ${expanded ? 'rotate-180' : ''}`}>▾</span>
      </button>
    </Form>
  );
}
