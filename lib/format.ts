// Intl formatters cost tens of microseconds to build and almost nothing to
// reuse; a list of 50 rows with a few dates and prices each built hundreds per
// request. One per language and options is kept for the life of the process
// (languages, currencies and option sets are few and fixed).
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

/** The value kept under `key`, made (once) when there is none. */
export function remembered<V>(map: Map<string, V>, key: string, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

/** A shared Intl.DateTimeFormat for these options. */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return remembered(
    dateFormats,
    `${locale} ${JSON.stringify(options)}`,
    () => new Intl.DateTimeFormat(locale, options),
  );
}

/** A shared Intl.NumberFormat for these options. */
export function numberFormat(locale: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  return remembered(
    numberFormats,
    `${locale} ${JSON.stringify(options ?? {})}`,
    () => new Intl.NumberFormat(locale, options),
  );
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Dates shown to users: the day, in the user's language, in UTC. */
export function formatDate(date: Date | null | undefined, locale: string): string {
  if (!date) return '—';
  // Called per cell: looked up by the language alone.
  return remembered(dayFormats, locale, () => dateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })).format(
    date,
  );
}

/** A time of day shown to users, in UTC (as every date is), e.g. "14:05 UTC". */
export function formatTime(date: Date, locale: string): string {
  return dateTimeFormat(locale, { timeStyle: 'short', timeZone: 'UTC', hourCycle: 'h23' }).format(date) + ' UTC';
}
