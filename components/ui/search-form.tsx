/** A GET search box: the query lives in the URL, so results can be shared and reloaded. */
export function SearchForm({
  label,
  defaultValue,
  children,
}: {
  label: string;
  defaultValue?: string;
  children?: React.ReactNode;
}) {
  return (
    <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-3">
      {children}
      <div className="flex flex-col gap-1">
        <label htmlFor="q" className="text-sm font-medium">
          {label}
        </label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={defaultValue}
          className="rounded border border-slate-400 bg-white px-3 py-2 text-sm"
        />
      </div>
      <button type="submit" className="rounded border border-slate-400 bg-white px-4 py-2 text-sm hover:bg-slate-100">
        {label}
      </button>
    </form>
  );
}
