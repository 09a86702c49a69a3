import { getTranslations } from 'next-intl/server';
import { openTokenLink } from '@/lib/auth/page';
import { viewUserLink } from '@/lib/users/join';
import type { ActionState } from '@/lib/pipeline/form-state';
import { TokenLinkLayout } from '@/components/shell/token-link-layout';
import { IntlClient } from '@/components/ui/intl-client';
import { Link } from '@/components/ui/link';
import { PasswordLinkForm } from './password-link-form';

type Props = {
  token: string;
  purpose: 'INVITATION' | 'PASSWORD_RESET';
  action: (prev: ActionState<{ email: string }> | undefined, form: FormData) => Promise<ActionState<{ email: string }>>;
};

/**
 * The page a mailed password link opens (joining, or a reset): who it is
 * for and the new password, or why it cannot be used.
 */
export async function PasswordLinkPage({ token, purpose, action }: Props) {
  const link = await openTokenLink(() => viewUserLink(token, purpose));
  if (link.refusedMinutes !== null) return <TokenLinkLayout ctx={link.ctx} refusedMinutes={link.refusedMinutes} />;
  const { ctx, view } = link;
  const t = await getTranslations('userLink');
  const join = purpose === 'INVITATION';
  const values = { name: view.name ?? '', email: view.email ?? '', org: view.org ?? '' };
  return (
    <TokenLinkLayout ctx={ctx} refusedMinutes={null}>
      <div className="mx-auto max-w-sm">
        <h1 className="mb-2 text-2xl font-semibold">
          {join ? (view.org ? t('joinTitle', values) : t('joinTitleAny')) : t('resetTitle')}
        </h1>
        {view.status === 'ready' ? (
          <>
            <p className="mb-6 text-sm text-slate-700">{t(join ? 'joinIntro' : 'resetIntro', values)}</p>
            <IntlClient namespaces={['userLink']}>
              <PasswordLinkForm token={token} submit={t(join ? 'joinSubmit' : 'resetSubmit')} action={action} />
            </IntlClient>
          </>
        ) : (
          <div role="status" className="rounded border border-amber-300 bg-amber-50 p-4">
            <p>{t(view.status)}</p>
            <Link href={join ? '/sign-in' : '/forgot-password'} className="lnk mt-3 inline-block font-medium">
              {join ? t('signIn') : t('forgotTitle')}
            </Link>
          </div>
        )}
      </div>
    </TokenLinkLayout>
  );
}
