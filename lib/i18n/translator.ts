import { createTranslator } from 'use-intl/core';
import { CATALOGS } from './catalog';

/** A translator outside React (domain functions, emails): English unless Japanese is asked for. */
export function translatorFor(locale: string | null | undefined) {
  const lang = locale === 'ja' ? 'ja' : 'en';
  return createTranslator({ locale: lang, messages: CATALOGS[lang] });
}
