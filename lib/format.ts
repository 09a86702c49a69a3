/** Dates shown to users: the day, in the user's language, in UTC. */
export function formatDate(date: Date | null | undefined, locale: string): string {
  if (!date) return '—';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** A time of day shown to users, in UTC (as every date is), e.g. "14:05 UTC". */
export function formatTime(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: 'UTC', hourCycle: 'h23' }).format(date) + ' UTC';
}
