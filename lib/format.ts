/** Dates shown to users: the day, in the user's language, in UTC. */
export function formatDate(date: Date | null | undefined, locale: string): string {
  if (!date) return '—';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}
