import type { ReactNode } from 'react';
import { AutoSubmitSelect } from '@/components/ui/auto-submit-select';

/** A labelled filter of a GET form that applies as soon as it changes. */
export function FilterSelect({
  id,
  label,
  defaultValue,
  children,
}: {
  id: string;
  label: string;
  defaultValue: string;
  children: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <AutoSubmitSelect
        id={id}
        name={id}
        defaultValue={defaultValue}
        className="rounded border border-slate-400 bg-white px-3 py-2 text-sm"
      >
        {children}
      </AutoSubmitSelect>
    </div>
  );
}

/** Small coloured tag for a row's relation to the user's organisation. */
export function RelationTag({ tone, children }: { tone: 'managed' | 'support'; children: ReactNode }) {
  return <span className={tone === 'support' ? 'tag tag-support' : 'tag tag-managed'}>{children}</span>;
}
