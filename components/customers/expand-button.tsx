/**
 * The row's down arrow: opens the customer's subscriptions and Add subscription
 * under the row. Rendered on the server, nothing to hydrate, so it works as
 * soon as the page is shown. The page holds one GET form (`ExpandForm`, with
 * the list's filters and page) and each row's button submits it with its own
 * `expand` value, so a row costs one button of HTML, not a form; the fragment
 * (`formaction`) brings the row back into view after the page loads.
 */
export const EXPAND_FORM_ID = 'expand-form';

export function ExpandForm({ params }: { params: Record<string, string | undefined> }) {
  const keep = Object.entries(params).filter(
    (e): e is [string, string] => e[0] !== 'expand' && typeof e[1] === 'string',
  );
  return (
    <form id={EXPAND_FORM_ID} method="get" action="/customers" hidden>
      {keep.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </form>
  );
}

export function ExpandButton({
  customerId,
  label,
  expanded,
}: {
  customerId: string;
  label: string;
  expanded: boolean;
}) {
  return (
    <button
      type="submit"
      form={EXPAND_FORM_ID}
      formAction={`#customer-${customerId}`}
      {...(expanded ? {} : { name: 'expand', value: customerId })}
      aria-expanded={expanded}
      aria-label={label}
      className="xb"
    >
      {expanded ? '▴' : '▾'}
    </button>
  );
}
