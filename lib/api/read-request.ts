import type { z } from 'zod';
import { Invalid, NotFound } from '@/lib/errors';
import { parseInput } from '@/lib/validation/parse-input';
import { problem, type Problem } from './problem';

// The parts of a Partner API request, read and checked before any domain
// call: path parameters (an id that cannot be one is not found, as on the
// pages), the query string, and a JSON body of at most MAX_BODY bytes.

export const MAX_BODY = 64 * 1024;

/** Path parameters: one malformed is a 404, never a 400 that would tell ids apart. */
export function readParams(schema: z.ZodType | undefined, params: Record<string, string | string[]>): unknown {
  if (!schema) return undefined;
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw new NotFound('resource');
  return parsed.data;
}

/** The query string: a parameter given twice takes its first value; the schema's errors are a 422. */
export function readQuery(schema: z.ZodType | undefined, url: URL): unknown {
  if (!schema) return undefined;
  const fields: Record<string, string> = {};
  for (const [key, value] of url.searchParams) if (!(key in fields)) fields[key] = value;
  return parseInput(schema, fields);
}

export type ReadBody = { ok: true; value: unknown } | { ok: false; problem: Problem };

/** The JSON body, or the problem that refuses it (415, 413, 400) before the schema's 422 (thrown). */
export async function readBody(schema: z.ZodType | undefined, request: Request): Promise<ReadBody> {
  if (!schema) return { ok: true, value: undefined };
  const refuse = (problem: Problem): ReadBody => ({ ok: false, problem });
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json' && !type?.endsWith('+json'))
    return refuse(problem(415, 'unsupported_media_type', 'The body must be application/json.'));
  const length = Number(request.headers.get('content-length') ?? 0);
  const tooLarge = problem(413, 'body_too_large', `The body may hold at most ${MAX_BODY} bytes.`);
  if (length > MAX_BODY) return refuse(tooLarge);
  const text = await readCapped(request);
  if (text === null) return refuse(tooLarge);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return refuse(problem(400, 'malformed_json', 'The body is not valid JSON.'));
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new Invalid({ _form: ['errors.invalidValue'] });
  return { ok: true, value: parseInput(schema, json as Record<string, unknown>) };
}

/** The body as text, or null past MAX_BODY bytes (read no further). */
async function readCapped(request: Request): Promise<string | null> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
