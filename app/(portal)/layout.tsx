import { requirePageCtx } from '@/lib/auth/page';
import { navigationFor } from '@/lib/authz/policy';
import { AppHeader } from '@/components/shell/app-header';

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requirePageCtx('/');
  return (
    <>
      <AppHeader orgName={ctx.orgName} userName={ctx.name} nav={navigationFor(ctx)} />
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </>
  );
}
