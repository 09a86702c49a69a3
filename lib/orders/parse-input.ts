import 'server-only';
import type { z } from 'zod';
import { Invalid } from '@/lib/errors';
import { fieldsWithNul } from '@/lib/validation/text';
import { lineField } from './validate-lines';

/**
 * Parses an order input; every issue becomes a field error (a message key).
 * A line's issue is keyed `lines.<offerId>` like validateLines', so the
 * message lands next to that offer's Licenses field.
 */
export function parseOrderInput<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const withNul = fieldsWithNul(raw);
  if (withNul.length > 0)
    throw new Invalid(Object.fromEntries(withNul.map((field) => [field, ['errors.invalidValue']])));
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const [head, index] = issue.path;
    let field = String(head ?? '_form');
    if (head === 'lines' && typeof index === 'number') {
      const offerId = (raw as { lines?: { offerId?: unknown }[] } | null)?.lines?.[index]?.offerId;
      field = typeof offerId === 'string' ? lineField(offerId) : `lines.${index}`;
    }
    const list = (fieldErrors[field] ??= []);
    if (!list.includes(issue.message)) list.push(issue.message);
  }
  throw new Invalid(fieldErrors);
}
