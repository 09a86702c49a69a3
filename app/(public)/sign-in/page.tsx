import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getCtx } from '@/lib/auth/session';
import { safeCallbackUrl } from '@/lib/auth/callback-url';
import { SignInForm } from './sign-in-form';
import { IntlClient } from '@/components/ui/intl-client';
import { Link } from '@/components/ui/link';

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await getCtx()) redirect(callbackUrl);
  const t = await getTranslations('signIn');
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-6 text-2xl font-semibold">{t('title')}</h1>
      <IntlClient namespaces={['signIn']}>
        <SignInForm callbackUrl={callbackUrl} />
      </IntlClient>
      <p className="mt-4 text-sm">
        <Link href="/forgot-password" className="lnk">
          {t('forgot')}
        </Link>
      </p>
    </div>
  );
}
