import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getCtx } from '@/lib/auth/session';
import { safeCallbackUrl } from '@/lib/auth/callback-url';
import { readPendingSignIn } from '@/lib/auth/mfa-pending';
import { Link } from '@/components/ui/link';
import { IntlClient } from '@/components/ui/intl-client';
import { VerifyForm } from './verify-form';

/** The second sign-in step: open only while this browser holds a pending sign-in (5 minutes). */
export default async function VerifyPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await getCtx()) redirect(callbackUrl);
  const t = await getTranslations('mfaVerify');
  const pending = await readPendingSignIn();
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-6 text-2xl font-semibold">{t('title')}</h1>
      {pending ? (
        <IntlClient namespaces={['mfaVerify']}>
          <VerifyForm callbackUrl={callbackUrl} />
        </IntlClient>
      ) : (
        <div className="flex flex-col gap-3 text-sm">
          <p role="alert">{t('expired')}</p>
          <Link href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="text-brand underline">
            {t('restart')}
          </Link>
        </div>
      )}
    </div>
  );
}
