// The set-based statements of `npm run db:seed:scale`: every table is filled by
// one INSERT … SELECT over generate_series, inside PostgreSQL. Randomness is a
// hash of the row number (hashint8), so the same sizes give the same data.
// Ids are 'sc' + a letter per table + the zero-padded row number, never
// clashing with cuids (which start with 'c'); seed-scale.ts finds earlier
// scale data by that prefix.
//
// Small temp tables (ON COMMIT DROP) carry what later tables need: providers,
// the active partnerships per provider (to pick a managing reseller that is
// partnered with the customer's provider, R3/R8/R9), customers, subscriptions
// and the demo users who act in audit events.
import type { ScaleSizes } from './sizes';
import * as W from './words';

export type ScaleRefs = {
  northwindId: string;
  northwindName: string;
  /** A demo user's hash: the generated providers' admins sign in with the demo password. */
  passwordHash: string;
  tenantDomain: string;
};

export type Step = { label: string; statements: string[] };

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
const arr = (xs: readonly string[]) => `ARRAY[${xs.map(q).join(',')}]::text[]`;
/** A non-negative pseudo-random int from a row number and a salt. */
const h = (n: string, salt: number) => `(hashint8((${n})::int8 * 131 + ${salt}) & 2147483647)`;
/** The same as a float in [0, 1). */
const u = (n: string, salt: number) => `(${h(n, salt)}::float8 / 2147483648.0)`;
/** A 1-based index into a list of `length`. */
const ix = (n: string, salt: number, length: number) => `(1 + ${h(n, salt)} % ${length})`;
export const scaleId = (code: string, n: string) => `('sc${code}' || lpad((${n})::text, 9, '0'))`;
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
const col = <T>(rows: readonly T[], i: number) => arr(rows.map((r) => String((r as unknown[])[i])));

/** Picks the actor of an event: a user of the managing reseller (a third of the
 * time, when it has users: the demo resellers) or of the provider. Expects `s`
 * (a sc_sub row) and `r` (a hash) in scope; yields actor_org, actor_user. */
function actorJoin(s: string, r: string): string {
  return `
    LEFT JOIN sc_actor_size ras ON ras.org_id = ${s}.mr
    LEFT JOIN sc_actor_size pas ON pas.org_id = ${s}.provider_id
    CROSS JOIN LATERAL (SELECT CASE WHEN ras.cnt IS NOT NULL AND ${r} % 3 = 0 THEN ${s}.mr
                                    ELSE ${s}.provider_id END AS actor_org,
                               1 + (${r} / 3) % CASE WHEN ras.cnt IS NOT NULL AND ${r} % 3 = 0 THEN ras.cnt
                                                     ELSE coalesce(pas.cnt, 1) END AS actor_k) ak
    LEFT JOIN sc_actor act ON act.org_id = ak.actor_org AND act.k = ak.actor_k`;
}

/** Organisations whose audit log shows a change to subscription `s` (as lib/subscriptions does). */
const subOrgIds = (s: string) =>
  `array_remove(ARRAY[${s}.provider_id, ${s}.mr,
                      CASE WHEN ${s}.reseller_id IS DISTINCT FROM ${s}.mr THEN ${s}.reseller_id END], NULL)`;

export function scaleSteps(sizes: ScaleSizes, refs: ScaleRefs): Step[] {
  const { providers: P, resellers: R, customers: C, outbox: O } = sizes;
  const others = Math.max(P - 1, 1);
  const names = W.PROVIDER_NAMES;
  const places = W.PLACES;
  const steps: Step[] = [];

  steps.push({
    label: 'providers',
    statements: [
      `CREATE TEMP TABLE sc_provider (idx int PRIMARY KEY, id text NOT NULL, name text NOT NULL, slug text NOT NULL)
         ON COMMIT DROP`,
      `INSERT INTO sc_provider VALUES (1, ${q(refs.northwindId)}, ${q(refs.northwindName)}, 'northwind')`,
      `INSERT INTO sc_provider
       SELECT p, ${scaleId('p', 'p')},
              (${arr(names)})[1 + (p - 2) % ${names.length}] || ' Distribution'
                || CASE WHEN p - 2 >= ${names.length} THEN ' ' || p ELSE '' END,
              (${arr(names.map(slug))})[1 + (p - 2) % ${names.length}]
                || CASE WHEN p - 2 >= ${names.length} THEN p::text ELSE '' END
         FROM generate_series(2, ${P}) p`,
      `INSERT INTO "Organization" (id, kind, "legalName", "mpnId", country, "contactEmail", "contactPhone", website,
                                  status, "createdAt", "updatedAt")
       SELECT id, 'INDIRECT_PROVIDER', name, '41' || lpad(idx::text, 5, '0'),
              (ARRAY['US','CA','JP','GB','AU'])[1 + idx % 5],
              'partners@' || slug || '.example', '+1 206 555 ' || lpad((100 + idx)::text, 4, '0'),
              'https://' || slug || '.example', 'ACTIVE',
              now() - interval '6 years', now() - interval '6 years'
         FROM sc_provider WHERE idx > 1`,
      `INSERT INTO "ProviderProfile" (id, "organizationId", description, "regionsServed", "contactEmail",
                                     "contactPhone", website, "updatedAt")
       SELECT ${scaleId('f', 'idx')}, id,
              name || ' distributes Microsoft 365 and Azure to resellers: onboarding, billing and partner enablement.',
              ARRAY[(${arr(W.REGIONS_SERVED)})[1 + idx % ${W.REGIONS_SERVED.length}],
                    (${arr(W.REGIONS_SERVED)})[1 + (idx + 3) % ${W.REGIONS_SERVED.length}]],
              'partners@' || slug || '.example', '+1 206 555 ' || lpad((100 + idx)::text, 4, '0'),
              'https://' || slug || '.example', now()
         FROM sc_provider WHERE idx > 1`,
      // One admin per generated provider, signing in with the demo password.
      `INSERT INTO "User" (id, email, name, "passwordHash", role, "organizationId", "createdAt", "updatedAt")
       SELECT ${scaleId('u', 'idx')}, 'admin@' || slug || '.example', split_part(name, ' Distribution', 1) || ' Admin',
              ${q(refs.passwordHash)}, 'ADMIN', id, now(), now()
         FROM sc_provider WHERE idx > 1`,
      `ANALYZE sc_provider`,
    ],
  });

  steps.push({
    label: 'resellers',
    statements: [
      `INSERT INTO "Organization" (id, kind, "legalName", "mpnId", country, "contactEmail", "contactPhone", website,
                                  status, "createdAt", "updatedAt")
       SELECT ${scaleId('r', 'r')}, 'INDIRECT_RESELLER',
              concat_ws(' ', (${arr(W.COMPANY_FIRST)})[i1], nullif((${arr(W.COMPANY_SECOND)})[i2], ''),
                        (${arr(W.RESELLER_KIND)})[i3], nullif((${arr(W.LEGAL_SUFFIX)})[i4], '')),
              (5210000 + r)::text, (${col(places, 3)})[pl],
              'partners@' || s || '.example', (${col(places, 5)})[pl] || ' ' || lpad((r % 10000)::text, 4, '0'),
              'https://' || s || '.example', 'ACTIVE', created, created
         FROM (SELECT r, ${ix('r', 30, W.COMPANY_FIRST.length)} AS i1, ${ix('r', 31, W.COMPANY_SECOND.length)} AS i2,
                      ${ix('r', 32, W.RESELLER_KIND.length)} AS i3, ${ix('r', 33, W.LEGAL_SUFFIX.length)} AS i4,
                      ${ix('r', 34, places.length)} AS pl,
                      now() - (1500 + ${h('r', 35)} % 500) * interval '1 day' AS created
                 FROM generate_series(1, ${R}) r OFFSET 0) x,
              LATERAL (SELECT (${arr(W.COMPANY_FIRST.map(slug))})[i1] || (${arr(W.COMPANY_SECOND.map(slug))})[i2]
                              || r AS s) sl`,
      // Most resellers partner with Northwind, 40 % also (or only) with another
      // provider; 2 % have an ended partnership too (R10).
      `INSERT INTO "Partnership" (id, "providerId", "resellerId", state, "activeMarker", "startedAt", "endedAt")
       SELECT ${scaleId('q', 'r * 3 + v.kind')}, pr.id, ${scaleId('r', 'r')}, v.state::"PartnershipState", v.marker,
              v.started, v.ended
         FROM generate_series(1, ${R}) r
         CROSS JOIN LATERAL (VALUES
           (0, 1, 'ACTIVE', true, now() - (730 + ${h('r', 36)} % 365) * interval '1 day', NULL::timestamptz,
              ${P} = 1 OR r % 5 <> 0),
           (1, 2 + r % ${others}, 'ACTIVE', true, now() - (730 + ${h('r', 37)} % 365) * interval '1 day',
              NULL::timestamptz, ${P} > 1 AND r % 5 IN (0, 1)),
           (2, CASE WHEN ${P} > 1 THEN 2 + (r + 1) % ${others} ELSE 1 END, 'ENDED', NULL::boolean,
              now() - (1300 + ${h('r', 38)} % 150) * interval '1 day',
              now() - (1100 + ${h('r', 38)} % 150) * interval '1 day', r % 50 = 7)
         ) v(kind, pidx, state, marker, started, ended, keep)
         JOIN sc_provider pr ON pr.idx = v.pidx
        WHERE v.keep`,
      `ANALYZE "Organization"`,
      `ANALYZE "Partnership"`,
      // The pool a customer's resellers are picked from: active partnerships of
      // each provider (the demo's Fabrikam and Tailspin first, their ids sort first).
      `CREATE TEMP TABLE sc_pool ON COMMIT DROP AS
       SELECT pr.idx AS pidx, p."resellerId" AS reseller_id, p.id AS partnership_id, p."startedAt" AS started_at,
              row_number() OVER (PARTITION BY pr.idx ORDER BY p."resellerId")::int AS k
         FROM "Partnership" p
         JOIN sc_provider pr ON pr.id = p."providerId"
         JOIN "Organization" o ON o.id = p."resellerId"
        WHERE p.state = 'ACTIVE' AND o.status = 'ACTIVE' AND o.kind = 'INDIRECT_RESELLER'`,
      `CREATE TEMP TABLE sc_pool_size ON COMMIT DROP AS SELECT pidx, count(*)::int AS cnt FROM sc_pool GROUP BY pidx`,
      `ANALYZE sc_pool`,
      `ANALYZE sc_pool_size`,
    ],
  });

  // 60 % under Northwind (n % 5 < 3), the rest spread over the other
  // providers; 90 % managed by a reseller partnered with the provider, picked
  // with a skew (u³) so a few resellers manage thousands and most a handful.
  steps.push({
    label: 'customers',
    statements: [
      `CREATE TEMP TABLE sc_cust ON COMMIT DROP AS
       SELECT b.n, ${scaleId('c', 'b.n')} AS id, pr.id AS provider_id, b.pidx, pool.reseller_id AS mr,
              pool.partnership_id,
              CASE WHEN pool.started_at IS NULL OR pool.started_at < now() - interval '730 days'
                   THEN now() - ${u('b.n', 4)} * interval '730 days'
                   ELSE pool.started_at + ${u('b.n', 4)} * (now() - pool.started_at) END AS created_at
         FROM (SELECT a.n, a.pidx,
                      CASE WHEN a.managed AND ps.cnt > 0 THEN 1 + floor(ps.cnt * power(${u('a.n', 5)}, 3))::int END AS k
                 FROM (SELECT n, CASE WHEN ${P} = 1 OR n % 5 < 3 THEN 1 ELSE 2 + ${h('n', 2)} % ${others} END AS pidx,
                              ${h('n', 3)} % 10 <> 0 AS managed
                         FROM generate_series(1, ${C}) n) a
                 LEFT JOIN sc_pool_size ps ON ps.pidx = a.pidx) b
         JOIN sc_provider pr ON pr.idx = b.pidx
         LEFT JOIN sc_pool pool ON pool.pidx = b.pidx AND pool.k = b.k`,
      `ANALYZE sc_cust`,
      `INSERT INTO "Customer" (id, "companyName", "domainPrefix", "tenantDomain", "addressLine1", "addressLine2", city,
                              region, "postalCode", country, "contactFirstName", "contactLastName", "contactEmail",
                              "contactPhone", language, "providerId", "managingResellerId", "createdAt", "updatedAt")
       SELECT id,
              concat_ws(' ', (${arr(W.COMPANY_FIRST)})[i1], nullif((${arr(W.COMPANY_SECOND)})[i2], ''),
                        (${arr(W.INDUSTRY)})[i3], nullif((${arr(W.LEGAL_SUFFIX)})[i4], '')),
              prefix, prefix || ${q(`.${refs.tenantDomain}`)},
              (100 + ${h('n', 40)} % 9800)::text || ' ' || (${arr(W.STREETS)})[${ix('n', 41, W.STREETS.length)}],
              CASE WHEN ${h('n', 42)} % 4 = 0 THEN 'Suite ' || (100 + ${h('n', 42)} % 800) END,
              (${col(places, 0)})[pl], (${col(places, 1)})[pl], (${col(places, 2)})[pl], (${col(places, 3)})[pl],
              fn, ln, lower(fn) || '.' || lower(ln) || '@' || prefix || '.example',
              (${col(places, 5)})[pl] || ' ' || lpad((${h('n', 43)} % 10000)::text, 4, '0'),
              (${col(places, 4)})[pl], provider_id, mr, created_at, created_at
         FROM (SELECT c.*, ${ix('c.n', 10, W.COMPANY_FIRST.length)} AS i1,
                      ${ix('c.n', 11, W.COMPANY_SECOND.length)} AS i2, ${ix('c.n', 12, W.INDUSTRY.length)} AS i3,
                      ${ix('c.n', 13, W.LEGAL_SUFFIX.length)} AS i4, ${ix('c.n', 14, places.length)} AS pl,
                      (${arr(W.FIRST_NAMES)})[${ix('c.n', 15, W.FIRST_NAMES.length)}] AS fn,
                      (${arr(W.LAST_NAMES)})[${ix('c.n', 16, W.LAST_NAMES.length)}] AS ln
                 FROM sc_cust c OFFSET 0) x,
              -- 3–27 characters, a letter first, unique through the row number.
              LATERAL (SELECT left((${arr(W.COMPANY_FIRST.map(slug))})[i1], 10)
                              || left((${arr(W.INDUSTRY.map(slug))})[i3], 10) || n AS prefix) p`,
      `ANALYZE "Customer"`,
    ],
  });

  steps.push({ label: 'subscriptions', statements: subscriptionStatements(sizes) });
  steps.push({ label: 'reseller association periods', statements: [associationInsert()] });
  steps.push({ label: 'audit events', statements: auditStatements(sizes) });
  steps.push({ label: 'outbox', statements: [outboxInsert(O, C)] });
  return steps;
}

function subscriptionStatements(sizes: ScaleSizes): string[] {
  const { customers: C, subscriptions: S } = sizes;
  return [
    `CREATE TEMP TABLE sc_offer ON COMMIT DROP AS
     SELECT v.idx, o.id, o."isAzurePlan" AS azure, o."unitPriceMinor" AS price, o.currency,
            o."incentiveRateBps" AS rate, o."maxQuantity" AS max_q
       FROM "Offer" o
       JOIN (VALUES ('M365-BB', 1), ('M365-BS', 2), ('M365-BP', 3), ('M365-E3', 4), ('AZURE-PLAN', 5)) v(sku, idx)
         ON v.sku = o.sku`,
    // Every customer gets one subscription bought with it, the rest are spread
    // at random. Status, term and timestamps follow R7: monthly terms renew
    // (termStartedAt is the current term's start), a cancellation falls within
    // 168 hours of a term's start, a suspension keeps the term.
    `CREATE TEMP TABLE sc_sub ON COMMIT DROP AS
     SELECT z.*,
            CASE WHEN z.reseller_id IS NULL OR ${h('z.n', 9)} % 10 <> 0 THEN 0
                 WHEN z.alt2 IS NOT NULL AND z.alt2 <> z.reseller_id AND (z.azure OR ${h('z.n', 11)} % 2 = 0) THEN 2
                 WHEN NOT z.azure THEN 1 ELSE 0 END AS hist,
            z.purchased_at + (0.2 + 0.6 * ${u('z.n', 12)}) * (coalesce(z.cancelled_at, now()) - z.purchased_at)
              AS change_at
       FROM (SELECT y.*,
                    CASE WHEN y.azure OR y.status = 'CANCELLED' THEN NULL
                         ELSE y.term_started_at + interval '1 month' END AS renews_at,
                    CASE WHEN y.status = 'SUSPENDED'
                         THEN y.term_started_at + ${u('y.n', 13)} * least(interval '30 days', now() - y.term_started_at)
                    END AS suspended_at,
                    CASE WHEN y.status = 'CANCELLED'
                         THEN least(now(), y.term_started_at + (1 + ${h('y.n', 14)} % 166) * interval '1 hour')
                    END AS cancelled_at
               FROM (SELECT x.*,
                            CASE WHEN x.azure THEN x.purchased_at
                                 WHEN x.status = 'ACTIVE' THEN x.purchased_at + x.months * interval '1 month'
                                 ELSE x.purchased_at
                                      + floor(${u('x.n', 15)} * (x.months + 1))::int * interval '1 month'
                            END AS term_started_at
                       FROM (SELECT w.*,
                                    (extract(year FROM age(now(), w.purchased_at)) * 12
                                      + extract(month FROM age(now(), w.purchased_at)))::int AS months
                               FROM (SELECT g.n, ${scaleId('s', 'g.n')} AS id, c.id AS customer_id,
                                            c.provider_id, c.pidx, c.mr, c.created_at AS customer_created_at,
                                            o.id AS offer_id, o.azure, o.price, o.currency, o.rate,
                                            CASE WHEN o.azure THEN 1
                                                 ELSE least(o.max_q, 1 + floor(150 * power(${u('g.n', 16)}, 2))::int)
                                            END AS quantity,
                                            CASE WHEN g.st < 90 THEN 'ACTIVE'
                                                 WHEN g.st < 96 THEN 'SUSPENDED'
                                                 ELSE 'CANCELLED' END AS status,
                                            CASE WHEN g.n <= ${C} THEN c.created_at
                                                 ELSE c.created_at + ${u('g.n', 17)} * (now() - c.created_at)
                                            END AS purchased_at,
                                            CASE WHEN c.mr IS NOT NULL AND g.rc < 88 THEN c.mr
                                                 WHEN c.mr IS NOT NULL AND g.rc < 92 THEN alt.reseller_id
                                                 WHEN c.mr IS NULL AND g.rc < 30 THEN alt.reseller_id
                                            END AS reseller_id,
                                            CASE WHEN c.mr IS NOT NULL AND ${h('g.n', 8)} % 2 = 0 THEN c.mr
                                                 ELSE c.provider_id END AS support_id,
                                            alt2.reseller_id AS alt2
                                       FROM (SELECT n,
                                                    CASE WHEN n <= ${C} THEN n ELSE 1 + ${h('n', 1)} % ${C} END AS cn,
                                                    ${h('n', 6)} % 100 AS rc, ${h('n', 18)} % 100 AS st,
                                                    ${h('n', 19)} % 100 AS oc
                                               FROM generate_series(1, ${S}) n) g
                                       JOIN sc_cust c ON c.n = g.cn
                                       JOIN sc_offer o ON o.idx = CASE WHEN g.oc < 25 THEN 1 WHEN g.oc < 55 THEN 2
                                                                       WHEN g.oc < 80 THEN 3 WHEN g.oc < 92 THEN 4
                                                                       ELSE 5 END
                                       LEFT JOIN sc_pool_size ps ON ps.pidx = c.pidx
                                       LEFT JOIN sc_pool alt ON alt.pidx = c.pidx
                                                            AND alt.k = 1 + ${h('g.n', 7)} % ps.cnt
                                       LEFT JOIN sc_pool alt2 ON alt2.pidx = c.pidx
                                                             AND alt2.k = 1 + ${h('g.n', 20)} % ps.cnt
                                     OFFSET 0) w
                             OFFSET 0) x
                     OFFSET 0) y
             OFFSET 0) z`,
    `ANALYZE sc_sub`,
    `INSERT INTO "Subscription" (id, "customerId", "offerId", "orderId", quantity, status, "autoRenew", "purchasedAt",
                                 "termStartedAt", "renewsAt", "suspendedAt", "cancelledAt", "resellerId",
                                 "supportContactOrgId", "customerManagingResellerId", version, "createdAt", "updatedAt")
     SELECT id, customer_id, offer_id, NULL, quantity, status::"SubscriptionStatus", status = 'ACTIVE', purchased_at,
            term_started_at, renews_at, suspended_at, cancelled_at, reseller_id, support_id, mr, 1, purchased_at,
            greatest(term_started_at, suspended_at, cancelled_at)
       FROM sc_sub`,
  ];
}

/** R8: one open period per credited subscription (closed at cancellation),
 * and for about 10 % an earlier closed period with another reseller or
 * another licence count, each with its offer's terms. */
function associationInsert(): string {
  return `INSERT INTO "SubscriptionResellerAssociation"
            (id, "subscriptionId", "resellerId", "startedAt", "endedAt", "offerId", quantity, "unitPriceMinor",
             currency, "incentiveRateBps")
     SELECT ${scaleId('a', 's.n * 2 + v.k')}, s.id, v.reseller, v.started, v.ended, s.offer_id, v.qty, s.price,
            s.currency, s.rate
       FROM sc_sub s
       CROSS JOIN LATERAL (VALUES
         (0, s.reseller_id, CASE WHEN s.hist > 0 THEN s.change_at ELSE s.purchased_at END, s.cancelled_at, s.quantity),
         (1, CASE WHEN s.hist = 2 THEN s.alt2 ELSE s.reseller_id END, s.purchased_at, s.change_at,
             CASE WHEN s.hist <> 1 THEN s.quantity
                  WHEN s.quantity > 1 THEN greatest(1, s.quantity - 1 - ${h('s.n', 21)} % 5)
                  ELSE s.quantity + 1 + ${h('s.n', 21)} % 5 END)
       ) v(k, reseller, started, ended, qty)
      WHERE s.reseller_id IS NOT NULL AND (v.k = 0 OR s.hist > 0)`;
}

const AUDIT_COLUMNS = `INSERT INTO "AuditEvent" (id, "occurredAt", "actorUserId", "actorOrgId", action, outcome,
                                                  "targetType", "targetId", "orgIds", before, after)`;

/** Active partnerships the scale data creates (as the Partnership INSERT does). */
export function scalePartnershipCount(P: number, R: number): number {
  let n = 0;
  for (let r = 1; r <= R; r++) {
    n += (P === 1 || r % 5 !== 0 ? 1 : 0) + (P > 1 && (r % 5 === 0 || r % 5 === 1) ? 1 : 0);
  }
  return n;
}

/** Every subscription and customer gets its "created" event, every scale
 * partnership its "accepted" one, as far as the budget goes; the rest are
 * changes to random subscriptions and customers after their purchase. */
function auditStatements(sizes: ScaleSizes): string[] {
  const { auditEvents: A, subscriptions: S, customers: C } = sizes;
  const created = Math.min(A, S);
  const customers = Math.min(A - created, C, S);
  const scalePartnerships = scalePartnershipCount(sizes.providers, sizes.resellers);
  const partnerships = Math.min(A - created - customers, scalePartnerships);
  const used = created + customers + partnerships;
  const statements = [
    `CREATE TEMP TABLE sc_actor ON COMMIT DROP AS
     SELECT u."organizationId" AS org_id, u.id AS user_id,
            row_number() OVER (PARTITION BY u."organizationId" ORDER BY u.id)::int AS k
       FROM "User" u
      WHERE u."organizationId" IN (SELECT id FROM sc_provider UNION SELECT reseller_id FROM sc_pool)
        AND u.role IN ('ADMIN', 'ADMIN_AGENT', 'SALES_AGENT', 'HELPDESK_AGENT') AND NOT u.disabled`,
    `CREATE TEMP TABLE sc_actor_size ON COMMIT DROP AS
     SELECT org_id, count(*)::int AS cnt FROM sc_actor GROUP BY org_id`,
    `ANALYZE sc_actor`,
    `ANALYZE sc_actor_size`,
    `${AUDIT_COLUMNS}
     SELECT ${scaleId('e', 's.n')}, s.purchased_at, act.user_id, ak.actor_org, 'subscription.created', 'OK',
            'subscription', s.id, ${subOrgIds('s')},
            NULL, jsonb_build_object('customerId', s.customer_id, 'offerId', s.offer_id, 'quantity', s.quantity)
       FROM sc_sub s ${actorJoin('s', h('s.n', 50))}
      WHERE s.n <= ${created}`,
    // A customer's event goes through its first subscription (n = customer n).
    `${AUDIT_COLUMNS}
     SELECT ${scaleId('e', `${created} + s.n`)}, s.customer_created_at, act.user_id, ak.actor_org, 'customer.created',
            'OK', 'customer', s.customer_id,
            array_remove(ARRAY[s.provider_id, s.mr], NULL), NULL, jsonb_build_object('tenantDomain', cu."tenantDomain")
       FROM sc_sub s
       JOIN "Customer" cu ON cu.id = s.customer_id ${actorJoin('s', h('s.n', 51))}
      WHERE s.n <= ${customers}`,
    // Accepted by the reseller (the generated resellers have no users).
    `${AUDIT_COLUMNS}
     SELECT ${scaleId('e', `${created + customers} + p.k`)}, p.started_at, NULL, p.reseller_id, 'partnership.accepted',
            'OK', 'partnership', p.partnership_id,
            ARRAY[pr.id, p.reseller_id], NULL, jsonb_build_object('provider', pr.name)
       FROM (SELECT pidx, reseller_id, partnership_id, started_at, row_number() OVER (ORDER BY partnership_id) AS k
               FROM sc_pool WHERE starts_with(partnership_id, 'sc')) p
       JOIN sc_provider pr ON pr.idx = p.pidx
      WHERE p.k <= ${partnerships}`,
  ];
  if (A > used) {
    statements.push(`${AUDIT_COLUMNS}
     SELECT ${scaleId('e', 'e.n')},
            s.purchased_at + ${u('e.n', 52)} * (coalesce(s.cancelled_at, now()) - s.purchased_at),
            act.user_id, ak.actor_org, e.action,
            CASE WHEN ${h('e.n', 53)} % 100 = 0 THEN 'REFUSED' ELSE 'OK' END::"AuditOutcome",
            CASE WHEN e.action LIKE 'customer.%' THEN 'customer' ELSE 'subscription' END,
            CASE WHEN e.action LIKE 'customer.%' THEN s.customer_id ELSE s.id END,
            CASE WHEN e.action LIKE 'customer.%' THEN array_remove(ARRAY[s.provider_id, s.mr], NULL)
                 ELSE ${subOrgIds('s')} END,
            CASE e.action
              WHEN 'subscription.quantity_changed' THEN jsonb_build_object('quantity', s.quantity)
              WHEN 'subscription.suspended' THEN jsonb_build_object('status', 'ACTIVE', 'autoRenew', true)
              WHEN 'subscription.reactivated' THEN jsonb_build_object('status', 'SUSPENDED', 'autoRenew', false)
              WHEN 'customer.updated'
                THEN jsonb_build_object('city', (${col(W.PLACES, 0)})[${ix('e.n', 54, W.PLACES.length)}]) END,
            CASE e.action
              WHEN 'subscription.quantity_changed'
                THEN jsonb_build_object('quantity', s.quantity + 1 + ${h('e.n', 55)} % 20)
              WHEN 'subscription.suspended' THEN jsonb_build_object('status', 'SUSPENDED', 'autoRenew', false)
              WHEN 'subscription.reactivated' THEN jsonb_build_object('status', 'ACTIVE', 'autoRenew', true)
              WHEN 'customer.updated'
                THEN jsonb_build_object('city', (${col(W.PLACES, 0)})[${ix('e.n', 56, W.PLACES.length)}]) END
       FROM (SELECT n, 1 + ${h('n', 57)} % ${S} AS sn,
                    CASE WHEN a < 30 THEN 'subscription.quantity_changed'
                         WHEN a < 42 THEN 'subscription.support_contact_changed'
                         WHEN a < 50 THEN 'subscription.reseller_changed'
                         WHEN a < 60 THEN 'subscription.suspended'
                         WHEN a < 66 THEN 'subscription.reactivated'
                         WHEN a < 70 THEN 'subscription.upgraded'
                         ELSE 'customer.updated' END AS action
               FROM (SELECT n, ${h('n', 58)} % 100 AS a FROM generate_series(${used + 1}, ${A}) n) g
             OFFSET 0) e
       JOIN sc_sub s ON s.n = e.sn ${actorJoin('s', h('e.n', 59))}`);
  }
  return statements;
}

/** Mails of the kinds the portal sends, already delivered (a few failed):
 * none PENDING, so a running worker has nothing to send. */
function outboxInsert(O: number, C: number): string {
  return `INSERT INTO "OutboxMessage" (id, kind, "to", subject, text, state, attempts, "nextAttemptAt", "lastError",
                                     "createdAt", "sentAt")
     SELECT ${scaleId('m', 'm.n')}, m.kind, m.recipient, m.subject, m.text, m.state::"OutboxState",
            CASE WHEN m.state = 'SENT' THEN 1 ELSE 12 END,
            m.created_at + CASE WHEN m.state = 'SENT' THEN interval '0' ELSE interval '1 hour' END,
            CASE WHEN m.state = 'FAILED' THEN 'ECONNREFUSED: connect ECONNREFUSED 10.0.0.25:587' END,
            m.created_at,
            CASE WHEN m.state = 'SENT' THEN m.created_at + (1 + ${h('m.n', 60)} % 20) * interval '1 second' END
       FROM (SELECT g.n, CASE WHEN ${h('g.n', 61)} % 100 < 98 THEN 'SENT' ELSE 'FAILED' END AS state,
                    c.created_at + ${u('g.n', 62)} * (now() - c.created_at) AS created_at, k.kind,
                    CASE WHEN k.kind IN ('partnership-invitation', 'partnership-ended') THEN ro."contactEmail"
                         WHEN k.kind = 'partnership-accepted' THEN 'partners@' || pr.slug || '.example'
                         WHEN k.kind = 'password-changed' THEN 'admin@' || cu."tenantDomain"
                         ELSE cu."contactEmail" END AS recipient,
                    CASE k.kind
                      WHEN 'customer-welcome' THEN 'Your new cloud tenant ' || cu."tenantDomain"
                      WHEN 'password-changed' THEN 'Your Partner Center password was changed'
                      WHEN 'partnership-invitation' THEN pr.name || ' invites you to become an indirect reseller'
                      WHEN 'partnership-accepted' THEN ro."legalName" || ' accepted your partnership request'
                      WHEN 'partnership-ended' THEN pr.name || ' ended its partnership with ' || ro."legalName"
                      ELSE 'Request for a reseller relationship from ' || ro."legalName" END AS subject,
                    CASE k.kind
                      WHEN 'customer-welcome'
                        THEN pr.name || ' created the cloud tenant ' || cu."tenantDomain"
                             || ' for ' || cu."companyName" || '.'
                      WHEN 'password-changed' THEN 'The password of admin@' || cu."tenantDomain" || ' was changed.'
                      WHEN 'reseller-relationship-request'
                        THEN ro."legalName" || ' asks ' || cu."companyName" || ' to accept it as reseller.'
                      ELSE pr.name || ' and ' || ro."legalName" || ': partnership update.' END AS text
               FROM (SELECT n, 1 + ${h('n', 63)} % ${C} AS cn, ${h('n', 64)} % 100 AS kc
                       FROM generate_series(1, ${O}) n) g
               JOIN sc_cust c ON c.n = g.cn
               JOIN "Customer" cu ON cu.id = c.id
               JOIN sc_provider pr ON pr.idx = c.pidx
               LEFT JOIN "Organization" ro ON ro.id = c.mr
               CROSS JOIN LATERAL (SELECT CASE WHEN c.mr IS NULL OR g.kc < 40 THEN 'customer-welcome'
                                               WHEN g.kc < 55 THEN 'password-changed'
                                               WHEN g.kc < 70 THEN 'partnership-invitation'
                                               WHEN g.kc < 82 THEN 'partnership-accepted'
                                               WHEN g.kc < 92 THEN 'reseller-relationship-request'
                                               ELSE 'partnership-ended' END AS kind) k
             OFFSET 0) m`;
}
