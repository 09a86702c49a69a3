import 'server-only';
import { z } from 'zod';
import { API_SCOPES, SCOPE_NAMES } from '@/lib/api-apps/scopes';
import { IDEMPOTENCY_HOURS } from './idempotency';
import type { ApiOperation } from './operation';
import { OPERATIONS } from './operations';

// The OpenAPI 3.1 document of the Partner API, made from the operations
// themselves: the same zod schemas the handlers parse with (z.toJSONSchema,
// JSON Schema 2020-12, which OpenAPI 3.1 takes as it is).

type Json = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const out = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json;
  delete out.$schema;
  return out;
}

const problemRef = { $ref: '#/components/schemas/Problem' };
const problemContent = { 'application/problem+json': { schema: problemRef } };
const problemResponse = (description: string) => ({ description, content: problemContent });

const headers = {
  ETag: { description: 'The version of the resource: send it back in If-Match.', schema: { type: 'string' } },
  RateLimit: { description: 'Requests left in the window and seconds until it ends.', schema: { type: 'string' } },
  'RateLimit-Policy': { description: "The app's quota and its window in seconds.", schema: { type: 'string' } },
  'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } },
  Link: { description: 'The next page: `<…>; rel="next"`.', schema: { type: 'string' } },
  Location: { description: 'The address of what was created.', schema: { type: 'string' } },
};

function parameters(operation: ApiOperation): Json[] {
  const list: Json[] = [];
  for (const [where, schema] of [
    ['path', operation.params],
    ['query', operation.query],
  ] as const) {
    if (!(schema instanceof z.ZodObject)) continue;
    const object = jsonSchema(schema, 'input') as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, property] of Object.entries(object.properties ?? {}))
      list.push({
        name,
        in: where,
        required: where === 'path' || (object.required ?? []).includes(name),
        schema: property,
      });
  }
  if (operation.ifMatch)
    list.push({
      name: 'If-Match',
      in: 'header',
      required: true,
      description: 'The ETag of the resource as last read (412 when stale, 428 when missing).',
      schema: { type: 'string' },
    });
  if (operation.method === 'POST')
    list.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description:
        `A key of your own: the same key and body within ${IDEMPOTENCY_HOURS} hours answers the first answer ` +
        'again; another body answers 422.',
      schema: { type: 'string', minLength: 1, maxLength: 200 },
    });
  return list;
}

function success(operation: ApiOperation): Json {
  const item = jsonSchema(operation.response, 'output');
  const schema = operation.list
    ? {
        type: 'object',
        required: ['items', 'next'],
        properties: {
          items: { type: 'array', items: item },
          next: { type: ['string', 'null'], description: 'The next page, or null at the end.' },
          total: { type: 'integer', description: 'Counted up to a cap.' },
          totalCapped: { type: 'boolean', description: 'More than `total`.' },
        },
      }
    : item;
  const named: Json = {};
  if (operation.scope)
    Object.assign(named, { RateLimit: headers.RateLimit, 'RateLimit-Policy': headers['RateLimit-Policy'] });
  if (operation.list) named.Link = headers.Link;
  if (operation.method === 'GET' && !operation.list) named.ETag = headers.ETag;
  if (operation.ifMatch) named.ETag = headers.ETag;
  if (operation.status === 201 && operation.path === '/customers') named.Location = headers.Location;
  return { description: operation.summary, headers: named, content: { 'application/json': { schema } } };
}

function responses(operation: ApiOperation): Json {
  const out: Json = { [String(operation.status ?? 200)]: success(operation) };
  if (operation.scope) {
    out['401'] = problemResponse('No token, or a token that is invalid, expired or of a revoked app.');
    out['403'] = problemResponse('The token lacks the scope, or the role does not allow it.');
  }
  if (operation.scope || operation.params) out['404'] = problemResponse('Not found, or outside your reach.');
  if (operation.body) {
    out['400'] = problemResponse('The body is not JSON.');
    out['413'] = problemResponse('The body is too large.');
    out['415'] = problemResponse('The body is not application/json.');
  }
  if (operation.body || operation.query || operation.method !== 'GET')
    out['422'] = problemResponse('A field or a rule refused the request.');
  if (operation.method === 'POST')
    out['409'] = problemResponse('A request with this Idempotency-Key is still running.');
  if (operation.ifMatch) {
    out['412'] = problemResponse('The ETag is stale: read the resource again.');
    out['428'] = problemResponse('If-Match is missing.');
  }
  out['429'] = {
    ...problemResponse('Too many requests: wait as Retry-After says.'),
    headers: { 'Retry-After': headers['Retry-After'] },
  };
  return out;
}

function operationObject(operation: ApiOperation): Json {
  const audience = operation.audience ? `\n\nFor ${operation.audience}s; any other organisation gets 404.` : '';
  const codes = operation.codes?.length ? `\n\nRule codes: ${operation.codes.map((c) => `\`${c}\``).join(', ')}.` : '';
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    description: (operation.description ?? operation.summary) + audience + codes,
    tags: [operation.tag],
    security: operation.scope ? [{ clientCredentials: [operation.scope] }] : [],
    parameters: parameters(operation),
    ...(operation.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(operation.body, 'input') } },
          },
        }
      : {}),
    responses: responses(operation),
  };
}

const TAGS: Record<string, string> = {
  Customers: 'Customer tenants in your reach (R3, R4) and their account info.',
  Orders: 'New subscriptions for a customer.',
  Subscriptions: 'Licences, status, reseller credit and support contact.',
  Offers: 'What can be ordered.',
  Partnerships: 'Indirect resellers and their partnerships with a provider (R1, R2, R10).',
  Providers: 'Find a provider (public).',
  Relationships: 'Reseller relationship requests to customers (F6, R11, R12).',
  Reports: 'The audit log and the incentives report.',
  Reference: 'This document.',
  'API apps': "The organisation's API apps (decision 0058).",
  Webhooks: 'Endpoints that receive signed events, and their delivery logs (decision 0059).',
};

/** The document served at /api/v1/openapi.json. */
export function openApiDocument(operations: ApiOperation[] = OPERATIONS): Json {
  const paths: Record<string, Json> = {};
  for (const operation of operations)
    (paths[operation.path] ??= {})[operation.method.toLowerCase()] = operationObject(operation);
  paths['/openapi.json'] = {
    get: {
      operationId: 'getOpenApiDocument',
      summary: 'This document',
      description: 'The OpenAPI 3.1 document of the API. No token needed.',
      tags: ['Reference'],
      security: [],
      responses: {
        '200': { description: 'The document.', content: { 'application/json': { schema: { type: 'object' } } } },
      },
    },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Partner Center API',
      version: '1.0.0',
      description:
        'Everything a partner does in the portal, for software: the same rules, the same reach. ' +
        'Get a token with OAuth 2.0 client credentials at /api/oauth/token using an app registered on the ' +
        'API apps page.',
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
    },
    servers: [{ url: '/api/v1' }],
    tags: [...new Set([...operations.map((o) => o.tag), 'Reference'])].map((name) => ({
      name,
      description: TAGS[name] ?? name,
    })),
    paths,
    components: {
      securitySchemes: {
        clientCredentials: {
          type: 'oauth2',
          description: 'An app of the API apps page: its client id and secret for a one-hour token.',
          flows: {
            clientCredentials: {
              tokenUrl: '/api/oauth/token',
              scopes: Object.fromEntries(SCOPE_NAMES.map((s) => [s, `Grants ${API_SCOPES[s].join(', ')}.`])),
            },
          },
        },
      },
      schemas: {
        Problem: {
          type: 'object',
          description: 'RFC 9457 problem details, with a stable `code` for every rule.',
          required: ['type', 'title', 'status', 'code'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            code: { type: 'string' },
            detail: { type: 'string' },
            rule: { type: 'string', description: 'The rule that refused, e.g. R7.' },
            errors: {
              type: 'array',
              items: {
                type: 'object',
                required: ['pointer', 'code', 'detail'],
                properties: { pointer: { type: 'string' }, code: { type: 'string' }, detail: { type: 'string' } },
              },
            },
          },
        },
      },
    },
  };
}
