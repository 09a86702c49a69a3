import { z } from 'zod';
import type { Ctx } from '@/lib/authz/context';
import { assertCan, type Permission } from '@/lib/authz/policy';
import { Refused, Unauthenticated } from '@/lib/errors';
import { parseInput } from '@/lib/validation/parse-input';

/** A request's fields as they came: a form's (FormData) or, for the API, a JSON body's. */
export type Fields = Record<string, unknown>;

/**
 * What an entry point does, whatever carries it (a server action today, an
 * HTTP handler of the API tomorrow): the permission a reviewer sees next to
 * it, the domain's own input schema (or none, when the domain function parses
 * the fields itself), and the domain call.
 */
export type Operation<S extends z.ZodType | undefined, T> = {
  permission: Permission;
  input?: S;
  run: (ctx: Ctx, input: InputOf<S>) => Promise<T>;
  /** Only the change-password action runs before the forced change. */
  allowBeforePasswordChange?: boolean;
  /** Only enrolling a factor runs while the organisation requires one the user lacks. */
  allowDuringMfaEnrolment?: boolean;
};

/**
 * The gates every write passes, in order: a session, the forced password
 * change, the required second factor, the declared permission, then the input (NUL bytes and the schema,
 * by `parseInput`). Only then the domain function runs, which checks scope
 * and rules again: these gates are not the boundary, the domain is.
 * Throws the domain's errors; each entry point maps them to its own answer.
 */
export async function runOperation<S extends z.ZodType | undefined, T>(
  operation: Operation<S, T>,
  ctx: Ctx | null,
  fields: Fields,
): Promise<T> {
  if (!ctx) throw new Unauthenticated();
  if (ctx.mustChangePassword && !operation.allowBeforePasswordChange) throw new Refused('errors.mustChangePassword');
  if (ctx.mustEnrolMfa && !operation.allowDuringMfaEnrolment) throw new Refused('errors.mustEnrolMfa');
  assertCan(ctx, operation.permission);
  return operation.run(ctx, parseFields(operation.input, fields));
}

/** The input a run receives: parsed by the schema, or (none) the fields themselves with NUL bytes refused. */
export type InputOf<S extends z.ZodType | undefined> = S extends z.ZodType ? z.infer<S> : Fields;

export function parseFields<S extends z.ZodType | undefined>(schema: S | undefined, fields: Fields): InputOf<S> {
  return parseInput(schema ?? unparsed, fields) as InputOf<S>;
}

/**
 * No schema of its own: the fields go on as they are (NUL bytes still refused) to a domain function that parses them.
 */
const unparsed = z.record(z.string(), z.unknown());
