// The Partner API as a surface of the tenant-isolation matrix: apps of every
// organisation kind that may hold one (a provider's, a reseller's) × every
// operation × every resource of the other channel, through the route
// handlers as Next.js calls them. Foreign ids answer 404 and show nothing
// of the other side; foreign ids inside a body are refused; a token without
// an operation's scope gets 403; nothing refused writes anything; and every
// operation works on our own records with a token of exactly its scope.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it, vi } from 'vitest';
import { resetDatabase } from '../../setup/per-file';
import { createApiApp } from '@/lib/api-apps/create-api-app';
import { signAccessToken } from '@/lib/api-apps/access-token';
import { grantable, SCOPE_NAMES, type ApiScope } from '@/lib/api-apps/scopes';
import { can } from '@/lib/authz/policy';
import { apiHandler } from '@/lib/api/handler';
import { OPERATIONS } from '@/lib/api/operations';
import type { ApiOperation } from '@/lib/api/operation';
import { openApiDocument } from '@/lib/api/openapi';
import { responseValidator, type ResponseValidator } from '../../api/validate';
import { snapshot, text } from './matrix-helpers';
import { buildWorld, RESOURCES, type World } from './world';

let w: World;
type Actor = { email: string; orgId: string; reseller: boolean; full: string; single: Map<ApiScope, string> };
let actors: Actor[];
let validate: ResponseValidator;

beforeAll(async () => {
  vi.stubEnv('NEXTAUTH_SECRET', 'a-test-secret-for-the-api-matrix-0123456789');
  vi.stubEnv('API_QUOTA_PER_MINUTE', '100000');
  // Endpoints the own-records phase adds point at this machine (nothing is delivered: no worker runs).
  vi.stubEnv('WEBHOOK_ALLOW_PRIVATE', '1');
  await resetDatabase();
  w = await buildWorld();
  validate = await responseValidator(openApiDocument());
  actors = [];
  for (const { email, ctx } of w.actors.filter((a) => a.ctx.role === 'ADMIN')) {
    const scopes = SCOPE_NAMES.filter((s) => grantable(s, (p) => can(ctx, p)));
    const app = await createApiApp(ctx, { name: 'Matrix', scopes });
    const sign = (granted: ApiScope[]) =>
      signAccessToken({ appId: app.appId, organizationId: ctx.orgId!, scopes: granted });
    const single = new Map<ApiScope, string>();
    for (const scope of scopes) single.set(scope, await sign([scope]));
    actors.push({
      email,
      orgId: ctx.orgId!,
      reseller: ctx.orgKind === 'INDIRECT_RESELLER',
      full: await sign(scopes),
      single,
    });
  }
}, 120_000);

type Sent = { status: number; body: unknown; etag: string | null };

async function send(
  operation: ApiOperation,
  token: string | null,
  params: Record<string, string>,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Sent> {
  const path = operation.path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(params[name] ?? ''));
  const all: Record<string, string> = { 'x-pc-client-address': '198.51.100.20', ...headers };
  if (token) all.authorization = `Bearer ${token}`;
  if (body !== undefined) all['content-type'] = 'application/json';
  const response = await apiHandler(operation)(
    new Request(`http://portal.test/api/v1${path}`, {
      method: operation.method,
      headers: all,
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { params: Promise.resolve(params) },
  );
  const raw = await response.text();
  const answer = { status: response.status, body: raw ? JSON.parse(raw) : null, etag: response.headers.get('etag') };
  validate(operation.method, path.split('?')[0]!, answer.status, answer.body); // every answer, as the document says
  return answer;
}

const op = (id: string) => OPERATIONS.find((o) => o.operationId === id)!;
const etag = (version: string | number) => `"${Buffer.from(String(version)).toString('base64url')}"`;
let unique = 0;

/** A body that would succeed on our own records (and shows a missing check by succeeding on theirs). */
function bodyFor(operation: ApiOperation, actor: Actor, extra: Record<string, unknown> = {}): unknown {
  const lines = [{ offerId: w.ours.offer, quantity: 1 }];
  switch (operation.operationId) {
    case 'createCustomer':
      unique++;
      return {
        companyName: `Matrix Customer ${unique}`,
        domainPrefix: `matrixcust${unique}${actor.reseller ? 'r' : 'p'}`,
        addressLine1: '1 Main St',
        city: 'Seattle',
        postalCode: '98101',
        country: 'US',
        contactFirstName: 'Ada',
        contactLastName: 'Lovelace',
        contactEmail: 'ada@matrix.example',
        language: 'en',
        lines,
        ...(actor.reseller ? { providerId: w.ours.providerId } : {}),
        ...extra,
      };
    case 'addSubscriptions':
      return { lines, ...extra };
    case 'createInvitation':
      return { ...extra };
    case 'createWebhookEndpoint':
      return { url: 'http://127.0.0.1:9/matrix-hook', events: ['customer.updated'], ...extra };
    case 'createApiApp':
      return { name: 'Made through the API', scopes: ['webhooks.manage'], ...extra };
    case 'createRelationshipRequest':
      return actor.reseller
        ? { providerId: w.ours.providerId, tenantDomain: w.ours.tenantDomain, send: false, ...extra }
        : { customerId: w.ours.customer, resellerId: w.ours.tailspinId, send: false, ...extra };
    case 'updateCustomer':
    case 'updateSubscription':
      return { ...extra };
    default:
      return undefined;
  }
}

/** The If-Match a PATCH sends: the record's current version, so a missing reach check would really succeed. */
function versionOf(operation: ApiOperation, side: World['ours'] | World['theirs']): Record<string, string> {
  if (operation.operationId === 'updateCustomer') return { 'if-match': etag(side.customerVersion) };
  if (operation.operationId === 'updateSubscription') return { 'if-match': etag(side.subscriptionVersion) };
  return {};
}

const paramsOf = (operation: ApiOperation, id: string) =>
  Object.fromEntries([...operation.path.matchAll(/\{(\w+)\}/g)].map((m) => [m[1]!, id]));

/** Which of our records a path parameter names. */
const OWN: Record<string, keyof World['ours']> = {
  customerId: 'customer',
  subscriptionId: 'subscription',
  invitationId: 'invitation',
  partnershipId: 'partnership',
  requestId: 'relationshipRequest',
  appId: 'apiApp',
  endpointId: 'webhookEndpoint',
  deliveryId: 'webhookDelivery',
};
const ownParams = (operation: ApiOperation) =>
  Object.fromEntries([...operation.path.matchAll(/\{(\w+)\}/g)].map((m) => [m[1]!, String(w.ours[OWN[m[1]!]!])]));

/** Own writes that change what later ones need: run last, in this order. */
const LAST = [
  'resendInvitation',
  'revokeInvitation',
  'revokeRelationshipRequest',
  'rotateApiAppSecret',
  'revokeApiApp',
  'deleteWebhookEndpoint',
  'removePartnership',
];

it('refuses every foreign resource and every missing scope, writes nothing, and over-blocks no scope', async () => {
  const leaks: string[] = [];
  const errors: string[] = [];
  const overBlocked: string[] = [];
  let cells = 0;
  const markerIn = (value: unknown, allowed: string[] = []) =>
    w.markers.find((m) => !allowed.includes(m) && text(value).includes(m));
  const check = (what: string, r: Sent, refusedWith: number[]) => {
    cells++;
    if (r.status >= 500) errors.push(`${what}: ${r.status} ${text(r.body)}`);
    else if (!refusedWith.includes(r.status)) leaks.push(`${what}: answered ${r.status}`);
    const m = markerIn(r.body);
    if (m) leaks.push(`${what}: shows ${m}`);
  };
  const before = await snapshot();

  for (const actor of actors) {
    for (const operation of OPERATIONS) {
      const label = `${actor.email} ${operation.method} ${operation.path}`;
      // 1. Every resource id of the other channel in the path.
      if (operation.params)
        for (const resource of RESOURCES) {
          const id = w.theirs[resource];
          const body = bodyFor(operation, actor);
          const r = await send(operation, actor.full, paramsOf(operation, id), body, versionOf(operation, w.theirs));
          check(`${label} with their ${resource}`, r, [404]);
        }
      // 2. Lists: nothing of theirs, whatever the filters name (Find a provider lists every provider by design).
      if (operation.list && operation.scope !== null) {
        for (const query of ['', `?q=${encodeURIComponent(w.markers.at(-1)!)}`, `?reseller=${w.theirs.resellerId}`]) {
          if (operation.params) continue;
          cells++;
          const r = await send({ ...operation, path: operation.path + query } as ApiOperation, actor.full, {});
          if (r.status >= 500) errors.push(`${label}${query}: ${r.status}`);
          const m = markerIn(r.body);
          if (m) leaks.push(`${label}${query}: shows ${m}`);
        }
      }
      // 3. A token without the operation's scope.
      if (operation.scope)
        for (const [scope, token] of actor.single) {
          if (scope === operation.scope) continue;
          const r = await send(
            operation,
            token,
            ownParams(operation),
            bodyFor(operation, actor),
            versionOf(operation, w.ours),
          );
          check(`${label} with only ${scope}`, r, [403]);
        }
    }
    // 4. Foreign ids inside a body, on our own records.
    const foreignBodies: [string, Record<string, string>, unknown][] = [
      ['createCustomer', {}, bodyFor(op('createCustomer'), actor, { resellerId: w.theirs.resellerId })],
      ['createCustomer', {}, bodyFor(op('createCustomer'), actor, { providerId: w.theirs.providerId })],
      [
        'addSubscriptions',
        { customerId: w.ours.customer },
        { lines: [{ offerId: w.ours.offer, quantity: 1 }], resellerId: w.theirs.resellerId },
      ],
      ['updateSubscription', { subscriptionId: w.ours.subscription }, { resellerId: w.theirs.resellerId }],
      ['updateSubscription', { subscriptionId: w.ours.subscription }, { supportContactOrgId: w.theirs.providerId }],
      ['updateSubscription', { subscriptionId: w.ours.subscription }, { offerId: w.theirs.subscription }],
    ];
    for (const [id, params, body] of foreignBodies) {
      const operation = op(id);
      const r = await send(operation, actor.full, params, body, versionOf(operation, w.ours));
      check(`${actor.email} ${id} naming their id in ${Object.keys(body as object).join(', ')}`, r, [404, 422, 403]);
    }
  }

  const after = await snapshot();
  const written = [...before.keys()].filter((table) => before.get(table) !== after.get(table));

  // 5. Our own records with a token of exactly the operation's scope (writes: after the snapshot).
  let grants = 0;
  const made = new Map<string, Map<string, string>>();
  const phases = [OPERATIONS.filter((o) => !LAST.includes(o.operationId)), LAST.map((id) => op(id))];
  for (const phase of phases)
    for (const actor of actors) {
      for (const operation of phase) {
        const token = operation.scope ? actor.single.get(operation.scope) : null;
        if (operation.scope && !token) continue; // a scope the admin's role cannot grant
        const params = ownParams(operation);
        // What an app acts on after making it (a request, an app, an endpoint, a delivery) is what it made.
        for (const [name, id] of made.get(actor.email) ?? []) if (name in params) params[name] = id;
        let headers: Record<string, string> = {};
        if (operation.ifMatch) {
          const read = operation.operationId === 'updateCustomer' ? op('getCustomer') : op('getSubscription');
          const current = await send(read, actor.full, params);
          headers = { 'if-match': current.etag ?? '' };
        }
        const r = await send(operation, token ?? null, params, bodyFor(operation, actor), headers);
        if (r.status === 201) {
          const mine = made.get(actor.email) ?? new Map<string, string>();
          for (const name of ['requestId', 'appId', 'endpointId', 'deliveryId'])
            if (typeof (r.body as Record<string, unknown>)[name] === 'string')
              mine.set(name, (r.body as Record<string, string>)[name]!);
          made.set(actor.email, mine);
        }
        cells++;
        const audience = operation.audience;
        const label = `${actor.email} ${operation.method} ${operation.path}`;
        if (audience && audience !== (actor.reseller ? 'reseller' : 'provider')) {
          if (r.status !== 404) leaks.push(`${label}: another audience's operation answered ${r.status}`);
          continue;
        }
        grants++;
        // Reached: a success, or a rule's refusal (422) on our own record; never kept out of it.
        if ([401, 403, 404, 412, 428].includes(r.status) || r.status >= 500)
          overBlocked.push(`${label}: ${r.status} ${text(r.body)}`);
      }
    }

  // Read by `npm run test:security` for its summary.
  mkdirSync(join(process.cwd(), '.test-output'), { recursive: true });
  writeFileSync(
    join(process.cwd(), '.test-output', 'security-api-matrix.json'),
    JSON.stringify({
      cells,
      apps: actors.length,
      operations: OPERATIONS.length,
      resources: RESOURCES.length,
      scopes: SCOPE_NAMES.length,
      grants,
      leaks: leaks.length,
      unintendedWrites: written.length,
      overBlocked: overBlocked.length,
      leakList: leaks,
    }),
  );
  console.log(
    [
      `API matrix: ${cells} cells — ${actors.length} apps (provider, reseller) × ${OPERATIONS.length} operations × ` +
        `${RESOURCES.length} foreign resources, ${SCOPE_NAMES.length} scopes`,
      `  own organisation: ${grants} operations checked with a token of exactly their scope`,
      `  leaks: ${leaks.length}, unintended writes: ${written.length}, over-blocked: ${overBlocked.length}, errors: ${errors.length}`,
      ...leaks.map((l) => `  LEAK ${l}`),
      ...written.map((t) => `  WRITTEN ${t}`),
      ...overBlocked.map((o) => `  OVER-BLOCKED ${o}`),
      ...errors.map((e) => `  ERROR ${e}`),
    ].join('\n'),
  );
  expect(leaks, 'leaks').toEqual([]);
  expect(written, 'tables written by refused calls').toEqual([]);
  expect(overBlocked, 'over-blocked').toEqual([]);
  expect(errors, 'errors').toEqual([]);
}, 600_000);
