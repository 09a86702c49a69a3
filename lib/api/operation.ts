import type { z } from 'zod';
import type { Ctx } from '@/lib/authz/context';
import type { ApiScope } from '@/lib/api-apps/scopes';

// One operation of the Partner API (a method on a path): what the OpenAPI
// document says of it and what its handler does, in one place. The handler
// (./handler.ts) passes the gates, then `run` calls the same domain function
// the portal's server action calls.

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

type Schema = z.ZodType | undefined;
type Out<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;

export type ApiCall<C, P, Q, B> = {
  /** The app's context (lib/api-apps/app-ctx.ts); null on a public operation. */
  ctx: C;
  params: P;
  query: Q;
  body: B;
  /** The version named by If-Match (operations with `ifMatch`). */
  version: string;
  /** Idempotency-Key, when sent (POST). */
  idempotencyKey: string | undefined;
  /** The portal's public address, for links in mails. */
  baseUrl: string;
};

/** What a run answers: the body, and the resource's version (ETag) or address (Location) when it has one. */
export type ApiResult = { body: unknown; version?: string | number; location?: string };

/** A list's page: its rows and the domain's cursor of the next page (null at the end). */
export type ApiPage = { items: unknown[]; nextCursor: string | null; total?: number; totalCapped?: boolean };

type Run<C, P extends Schema, Q extends Schema, B extends Schema> = (
  call: ApiCall<C, Out<P>, Out<Q>, Out<B>>,
) => Promise<ApiResult | ApiPage>;

type Common<P extends Schema, Q extends Schema, B extends Schema> = {
  method: Method;
  /** OpenAPI path under /api/v1, e.g. `/customers/{customerId}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  /** The documented answer of a success (each list row for a list). */
  response: z.ZodType;
  /** 201 for a POST that creates. */
  status?: 200 | 201;
  /** A PATCH: If-Match is required (428 without, 412 when stale). */
  ifMatch?: boolean;
  /** The audience whose pages this is (as a page's assertAudience): any other answers 404. */
  audience?: 'provider' | 'reseller';
  /** A list: `run` answers an ApiPage; the answer is `{ items, next }` with a Link header. */
  list?: boolean;
  /** Rules a refusal may name (documented with the operation). */
  codes?: string[];
};

/** `scope`: the scope a token needs; null: public (no token; limited per client address). */
export type ApiOperation<P extends Schema = Schema, Q extends Schema = Schema, B extends Schema = Schema> = Common<
  P,
  Q,
  B
> &
  ({ scope: ApiScope; run: Run<Ctx, P, Q, B> } | { scope: null; run: Run<null, P, Q, B> });

/** Declares an operation with its types inferred from its schemas. */
export function defineOperation<
  P extends Schema = undefined,
  Q extends Schema = undefined,
  B extends Schema = undefined,
>(operation: ApiOperation<P, Q, B>): ApiOperation<P, Q, B> {
  return operation;
}
