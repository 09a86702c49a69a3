import type { ReactNode } from 'react';

/** A titled region of a page; the heading names the region for screen readers. */
export function Section({
  id,
  title,
  children,
  className = 'mb-8',
}: {
  id: string;
  title: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className={className}>
      <h2 id={`${id}-heading`} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
