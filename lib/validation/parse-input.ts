import type { z } from 'zod';
import { Invalid } from '@/lib/errors';
import { fieldsWithNul } from './text';

export type FieldErrors = Record<string, string[]>;

/** A message key of the catalogs ("orders.errors.x"); zod's own English messages are not. */
const isMessageKey = (message: string) => /^[A-Za-z0-9]+(\.[A-Za-z0-9]+)+$/.test(message);

/** The order lines as posted: a list, or one JSON text (a form's hidden field). */
function linesOf(raw: unknown): unknown {
  const lines = (raw as { lines?: unknown } | null)?.lines;
  if (typeof lines !== 'string') return lines;
  try {
    return JSON.parse(lines);
  } catch {
    return undefined;
  }
}

/**
 * The field an issue belongs to: its top-level key, except inside order lines
 * (`lines`), where it is `lines.<offerId>` (or `lines.<index>` for a line
 * without one), so the message lands next to that line's Licenses field.
 */
function fieldOf(issue: z.core.$ZodIssue, raw: unknown): string {
  const [head, index] = issue.path;
  const field = String(head ?? '_form');
  if (field !== 'lines' || typeof index !== 'number') return field;
  const lines = linesOf(raw);
  const offerId = Array.isArray(lines) ? (lines[index] as { offerId?: unknown } | null)?.offerId : undefined;
  return typeof offerId === 'string' ? `lines.${offerId}` : `lines.${index}`;
}

/**
 * Checks an input against its schema without throwing: NUL bytes first
 * (PostgreSQL text cannot hold them; the field is named rather than the
 * database failing), then the schema. Every issue becomes a message key under
 * its field, once; zod's own messages become `errors.invalidValue`.
 */
export function checkInput<S extends z.ZodType>(
  schema: S,
  raw: unknown,
): { ok: true; data: z.infer<S> } | { ok: false; fieldErrors: FieldErrors; nul: boolean } {
  const withNul = fieldsWithNul(raw);
  if (withNul.length > 0)
    return {
      ok: false,
      nul: true,
      fieldErrors: Object.fromEntries(withNul.map((field) => [field, ['errors.invalidValue']])),
    };
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const list = (fieldErrors[fieldOf(issue, raw)] ??= []);
    const message = isMessageKey(issue.message) ? issue.message : 'errors.invalidValue';
    if (!list.includes(message)) list.push(message);
  }
  return { ok: false, nul: false, fieldErrors };
}

/**
 * The one input parser of the portal: a server action's fields, an API body
 * or a direct caller's values, parsed by the domain's own schema. Bad values
 * throw `Invalid` with per-field message keys, before anything is read or written.
 */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const result = checkInput(schema, raw);
  if (!result.ok) throw new Invalid(result.fieldErrors);
  return result.data;
}
