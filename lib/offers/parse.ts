import type { z } from 'zod';
import { Invalid } from '@/lib/errors';
import { fieldsWithNul } from '@/lib/validation/text';

/** Parses a domain function's input; a direct caller's bad values become per-field errors, as a form's would. */
export function parseOrInvalid<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const withNul = fieldsWithNul(raw);
  if (withNul.length > 0)
    throw new Invalid(Object.fromEntries(withNul.map((field) => [field, ['errors.invalidValue']])));
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? '_form')] ??= []).push(issue.message);
  throw new Invalid(fieldErrors);
}
