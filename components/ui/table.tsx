import type { ReactNode } from 'react';

/**
 * A plain accessible table: a caption for screen readers, headers, rows.
 * Lists send 50 rows, and every byte of a row goes out twice (the HTML and the
 * React payload that hydrates it), so cells carry no classes of their own:
 * `.tbl` styles them once in globals.css.
 */
export function Table({
  caption,
  headers,
  children,
  empty,
}: {
  caption: string;
  headers: string[];
  children: ReactNode;
  empty?: string;
}) {
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="tbl w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">{children}</tbody>
      </table>
      {empty ? <p className="px-4 py-6 text-sm text-slate-600">{empty}</p> : null}
    </div>
  );
}

/** A cell; its padding and alignment come from the table (`.tbl` in globals.css), not from each cell. */
export function Td({ children, className }: { children: ReactNode; className?: string }) {
  return className ? <td className={className}>{children}</td> : <td>{children}</td>;
}
