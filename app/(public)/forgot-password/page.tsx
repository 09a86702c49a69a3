import { getTranslations } from 'next-intl/server';
import { IntlClient } from '@/components/ui/intl-client';
import { Link } from '@/components/ui/link';
import { ForgotPasswordForm } from '@/components/users/forgot-password-form';
import { forgotPasswordAction } from '@/actions/users';
import { PASSWORD_RESET_MINUTES } from '@/lib/users/user-tokens';

/** Forgot password?: anyone may ask; the answer is the same whether or not the email has an account. */
export default async function ForgotPasswordPage() {
  const t = await getTranslations('userLink');
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-2 text-2xl font-semibold">{t('forgotTitle')}</h1>
      <p className="mb-6 text-sm text-slate-700">{t('forgotIntro')}</p>
      <IntlClient namespaces={['userLink', 'signIn']}>
        <ForgotPasswordForm minutes={PASSWORD_RESET_MINUTES} action={forgotPasswordAction} />
      </IntlClient>
      <p className="mt-4 text-sm">
        <Link href="/sign-in" className="lnk">
          {t('backToSignIn')}
        </Link>
      </p>
    </div>
  );
}
