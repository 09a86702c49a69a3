'use client';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';

/** The row's down arrow: opens the customer's subscriptions and Add subscription under the row. */
export function ExpandButton({ customerId, label, expanded }: { customerId: string; label: string; expanded: boolean }) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  function toggle() {
    const params = new URLSearchParams(search.toString());
    if (expanded) params.delete('expand');
    else params.set('expand', customerId);
    router.push(`${pathname}?${params}`, { scroll: false });
  }
  return (
    <button type="button" onClick={toggle} aria-expanded={expanded} aria-label={label} className="rounded px-2 py-1 text-lg leading-none hover:bg-slate-100">
      <span aria-hidden="true" className={`inline-block transition-transform ${expanded ? 'rotate-180' : ''}`}>▾</span>
    </button>
  );
}
