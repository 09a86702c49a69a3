import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { LanguageSwitch } from './language-switch';
import { SignOutButton } from './sign-out-button';

type Props = {
  orgName?: string;
  userName?: string;
  nav?: { href: string; label: string }[];
};

/** The header of every page: product, organisation, navigation, language, sign-out. */
export async function AppHeader({ orgName, userName, nav = [] }: Props) {
  const t = await getTranslations();
  return (
    <header className="bg-brand text-white">
      {/* Two rows by design: who and where on the first, the areas on the second (up to ten of them fit one line). */}
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 pt-3 pb-2">
        <div className="flex flex-1 flex-col leading-tight">
          <Link href="/" className="text-lg font-semibold">
            {t('app.name')}
          </Link>
          {orgName ? (
            <span data-testid="org-name" className="text-xs text-white/90">
              {orgName}
            </span>
          ) : null}
        </div>
        <LanguageSwitch />
        {userName ? (
          <div className="flex items-center gap-2 text-sm">
            <Link href="/change-password" title={t('shell.changePassword')} className="hover:underline">
              {userName}
            </Link>
            <Link href="/security" className="rounded px-2 py-1 hover:bg-white/10">
              {t('shell.security')}
            </Link>
            <SignOutButton label={t('shell.signOut')} />
          </div>
        ) : (
          <div className="flex gap-4 text-sm">
            <Link href="/find-a-provider" className="hover:underline">
              {t('nav.findProvider')}
            </Link>
            <Link href="/enrol" className="hover:underline">
              {t('nav.enrol')}
            </Link>
          </div>
        )}
      </div>
      {nav.length ? (
        <nav
          aria-label={t('shell.mainNavigation')}
          className="mx-auto flex max-w-7xl flex-wrap gap-0.5 border-t border-white/15 px-2 py-1.5"
        >
          {nav.map((item) => (
            <Link key={item.href} href={item.href} className="rounded px-2 py-1 text-sm hover:bg-white/10">
              {t(item.label)}
            </Link>
          ))}
        </nav>
      ) : null}
    </header>
  );
}
