import { z } from 'zod';

// PostgreSQL text cannot hold NUL (U+0000): a query or a write carrying one
// fails in the database (error 22021), which the user would see as a 500.
// Search filters drop the character; form fields carrying it are refused.

export function withoutNul(value: string): string {
  return value.includes('\u0000') ? value.replaceAll('\u0000', '') : value;
}

const stripNul = (v: unknown) => (typeof v === 'string' ? withoutNul(v) : v);

/** A search or filter text from a URL: NUL dropped, trimmed, at most `max` characters, anything else ignored. */
export function searchText(max: number) {
  return z.preprocess(stripNul, z.string().trim().max(max).optional()).catch(undefined);
}

function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 3 || value === null || typeof value !== 'object') return false;
  return Object.values(value).some((v) => hasNul(v, depth + 1));
}

/** The top-level fields of a form or input object whose value (or a value inside it) contains NUL. */
export function fieldsWithNul(raw: unknown): string[] {
  if (raw === null || typeof raw !== 'object') return [];
  return Object.entries(raw)
    .filter(([, v]) => hasNul(v))
    .map(([k]) => k);
}

/**
 * An id from a URL: one with NUL (or over-long) names nothing, so the page answers 404 rather than a database error.
 */
export function isPlainId(id: unknown): id is string {
  return typeof id === 'string' && id.length > 0 && id.length <= 100 && !id.includes('\u0000');
}

/** A mail subject: one line (CR, LF and other control characters would let a sender add mail headers). */
export function subjectText(max: number) {
  return z
    .string()
    .trim()
    .min(1, 'errors.required')
    .max(max)
    .refine((v) => !/[\u0000-\u001f\u007f\u2028\u2029]/.test(v), 'errors.invalidValue');
}

/**
 * An optional email address (lower-cased); blank is none. Missing is blank, so
 * an action's parsed output (undefined) parses again in the domain function.
 */
export function optionalEmail(messageKey: string) {
  return z.preprocess(
    (v) => v ?? '',
    z
      .string()
      .trim()
      .toLowerCase()
      .max(254)
      .transform((v) => (v === '' ? undefined : v))
      .pipe(z.email(messageKey).optional()),
  );
}

/** `text` for a LIKE/ILIKE pattern, its own % _ and \ taken literally. */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (m) => `\\${m}`);
}

/** A LIKE/ILIKE pattern matching `text` anywhere. */
export function likePattern(text: string): string {
  return `%${likeLiteral(text)}%`;
}
