import { dateTimeFormat } from '@/lib/format';

/** A moment shown to users: day and time in UTC, in the user's language. */
export function formatDateTime(date: Date, locale: string): string {
  return `${dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(date)} UTC`;
}
