// Intl formatters cost tens of microseconds to build and almost nothing to
// reuse; a list of 50 rows with a few dates and prices each built hundreds per
// request. One per language and options is kept for the life of the process
// (languages, currencies and option sets are few and fixed).
const formats = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

/** A shared Intl.DateTimeFormat for these options. */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d ${locale} ${JSON.stringify(options)}`;
  let format = formats.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

/** A shared Intl.NumberFormat for these options. */
export function numberFormat(locale: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n ${locale} ${JSON.stringify(options ?? {})}`;
  let format = formats.get(key) as Intl.NumberFormat | undefined;
  if (!format) formats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Dates shown to users: the day, in the user's language, in UTC. */
export function formatDate(date: Date | null | undefined, locale: string): string {
  if (!date) return '—';
  // Called per cell: looked up by the language alone.
  let format = dayFormats.get(locale);
  if (!format) dayFormats.set(locale, (format = dateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })));
  return format.format(date);
}

/** A time of day shown to users, in UTC (as every date is), e.g. "14:05 UTC". */
export function formatTime(date: Date, locale: string): string {
  return dateTimeFormat(locale, { timeStyle: 'short', timeZone: 'UTC', hourCycle: 'h23' }).format(date) + ' UTC';
}
