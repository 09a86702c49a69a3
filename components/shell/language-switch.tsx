import { getLocale, getTranslations } from 'next-intl/server';
import { switchLanguage } from '@/actions/account';

// Each language names itself, so anyone can find their own. Each button has
// a fixed box: "日本語" may be drawn with a font that loads after the first
// paint, and the header must not move when it does.
const LANGUAGES = [
  { locale: 'en', label: 'English' },
  { locale: 'ja', label: '日本語' },
] as const;

export async function LanguageSwitch() {
  const current = await getLocale();
  const t = await getTranslations('shell');
  return (
    <form action={switchLanguage} aria-label={t('language')} className="flex gap-1 text-sm">
      {LANGUAGES.map(({ locale, label }) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-pressed={current === locale}
          className={`inline-flex h-7 min-w-18 items-center justify-center rounded px-2 ${
            current === locale ? 'bg-white/20 font-semibold' : 'hover:bg-white/10'
          }`}
        >
          {label}
        </button>
      ))}
    </form>
  );
}
