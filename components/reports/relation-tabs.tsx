import { Link } from '@/components/ui/link';

type Tab = { value: string; label: string };

/**
 * Links between views of one list (e.g. all / managed / support list); the current one is marked for screen
 * readers.
 */
export function RelationTabs({
  label,
  tabs,
  current,
  href,
}: {
  label: string;
  tabs: Tab[];
  current: string;
  href: (value: string) => string;
}) {
  return (
    <div role="group" aria-label={label} className="mb-4 flex flex-wrap gap-1 border-b border-slate-300">
      {tabs.map((tab) => {
        const active = tab.value === current;
        return (
          <Link
            key={tab.value}
            href={href(tab.value)}
            aria-current={active ? 'page' : undefined}
            className={`-mb-px rounded-t border px-4 py-2 text-sm font-medium ${
              active
                ? 'border-slate-300 border-b-white bg-white text-slate-900'
                : 'border-transparent text-brand hover:bg-slate-100'
            }`}
          >
            {tab.label}
          </Link>
        );
      })}
    </div>
  );
}
