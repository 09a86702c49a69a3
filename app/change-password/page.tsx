import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getCtx } from '@/lib/auth/session';
import { AppHeader } from '@/components/shell/app-header';
import { ChangePasswordForm } from './change-password-form';
import { IntlClient } from '@/components/ui/intl-client';

export default async function ChangePasswordPage() {
  const ctx = await getCtx();
  if (!ctx) redirect('/sign-in?callbackUrl=%2Fchange-password');
  // Enrolling a required second factor comes first, unless the password must change (then that comes first).
  if (ctx.mustEnrolMfa && !ctx.mustChangePassword) redirect('/security');
  const t = await getTranslations('changePassword');
  return (
    <>
      <AppHeader orgName={ctx.orgName} userName={ctx.name} />
      <main className="mx-auto max-w-sm px-4 py-8">
        <h1 className="mb-2 text-2xl font-semibold">{t('title')}</h1>
        {ctx.mustChangePassword ? (
          <p role="status" className="mb-6 text-sm text-slate-700">
            {t('required')}
          </p>
        ) : null}
        <IntlClient namespaces={['changePassword']}>
          <ChangePasswordForm />
        </IntlClient>
      </main>
    </>
  );
}
