import type { ReactNode } from 'react';

/** A plain accessible table: a caption for screen readers, headers, rows. */
export function Table({ caption, headers, children, empty }: { caption: string; headers: string[]; children: ReactNode; empty?: string }) {
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>{headers.map((h) => <th key={h} scope="col" className="px-4 py-2 font-semibold">{h}</th>)}</tr>
        </thead>
        <tbody className="divide-y divide-slate-200">{children}</tbody>
      </table>
      {empty ? <p className="px-4 py-6 text-sm text-slate-600">{empty}</p> : null}
    </div>
  );
}

export function Td({ children, className = '' }: { children: ReactNode; className?: string }) {
  return <td className={`px-4 py-2 align-top ${className}`}>{children}</td>;
}
