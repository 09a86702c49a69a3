import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getCtx } from '@/lib/auth/session';
import { navigationFor } from '@/lib/authz/policy';
import { findSecurityView } from '@/lib/mfa/find-security-view';
import { AppHeader } from '@/components/shell/app-header';
import { IntlClient } from '@/components/ui/intl-client';
import { Section } from '@/components/ui/section';
import { TotpSection } from '@/components/mfa/totp-section';
import { PasskeysSection } from '@/components/mfa/passkeys-section';
import { RecoveryCodesSection } from '@/components/mfa/recovery-codes-section';
import { RequireMfaForm } from '@/components/mfa/require-mfa-form';

// Outside the portal's layout: a user whose organisation requires a factor
// they lack is sent here (lib/auth/page.ts) and must be able to open it.
export default async function SecurityPage() {
  const ctx = await getCtx();
  if (!ctx) redirect('/sign-in?callbackUrl=%2Fsecurity');
  if (ctx.mustChangePassword) redirect('/change-password');
  const [t, view] = await Promise.all([getTranslations('mfa'), findSecurityView(ctx)]);
  const hasFactor = view.totp?.confirmed === true || view.passkeys.length > 0;
  return (
    <>
      <AppHeader orgName={ctx.orgName} userName={ctx.name} nav={ctx.mustEnrolMfa ? [] : navigationFor(ctx)} />
      <main className="mx-auto max-w-3xl px-4 py-8">
        <h1 className="mb-2 text-2xl font-semibold">{t('title')}</h1>
        <p className="mb-6 text-sm text-slate-700">{t('intro')}</p>
        {ctx.mustEnrolMfa ? (
          <p role="status" className="mb-6 rounded border border-amber-300 bg-amber-50 p-3 text-sm">
            {t('mustEnrol')}
          </p>
        ) : null}
        <IntlClient namespaces={['mfa']}>
          <Section id="totp" title={t('totp.title')}>
            <TotpSection totp={view.totp} />
          </Section>
          <Section id="passkeys" title={t('passkeys.title')}>
            <PasskeysSection passkeys={view.passkeys} />
          </Section>
          <Section id="recovery" title={t('recovery.title')}>
            <RecoveryCodesSection left={view.recoveryCodesLeft} hasFactor={hasFactor} />
          </Section>
          {view.requireMfa !== null && !ctx.mustEnrolMfa ? (
            <Section id="organisation" title={t('organisation.title')}>
              <RequireMfaForm requireMfa={view.requireMfa} />
            </Section>
          ) : null}
        </IntlClient>
      </main>
    </>
  );
}
