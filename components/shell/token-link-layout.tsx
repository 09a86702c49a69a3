import type { ReactNode } from 'react';
import type { Ctx } from '@/lib/authz/context';
import { navigationFor } from '@/lib/authz/policy';
import { AppHeader } from '@/components/shell/app-header';
import { TooManyAttempts } from '@/components/security/too-many-attempts';

/** The frame of a page a mailed link opens: the header, then the page or, after too many unknown tokens, the wait. */
export function TokenLinkLayout({
  ctx,
  refusedMinutes,
  children,
}: {
  ctx: Ctx | null;
  refusedMinutes: number | null;
  children?: ReactNode;
}) {
  return (
    <>
      <AppHeader orgName={ctx?.orgName} userName={ctx?.name} nav={ctx ? navigationFor(ctx) : []} />
      {refusedMinutes !== null ? (
        <TooManyAttempts minutes={refusedMinutes} />
      ) : (
        <main className="mx-auto max-w-2xl px-4 py-8">{children}</main>
      )}
    </>
  );
}
