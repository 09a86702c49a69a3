import pg from 'pg';
import type { Ctx } from '@/lib/authz/context';
import { findIndirectResellersSql } from '@/lib/partnerships/find-indirect-resellers';
import { findPublicProvidersSql } from '@/lib/organizations/find-public-providers';
import { findResellerSubscriptionsSql } from '@/lib/reports/find-reseller-subscriptions';
import { findCustomerSubscriptionsSql } from '@/lib/customers/find-customer-subscriptions';

const ctx = (orgId: string, orgKind: 'INDIRECT_PROVIDER' | 'INDIRECT_RESELLER'): Ctx => ({ userId: 'u', email: 'e', name: 'n', role: 'ADMIN', orgId, orgKind, orgStatus: 'ACTIVE', customerId: null, orgName: 'x', mustChangePassword: false, locale: null });
const provider = ctx('prov-0', 'INDIRECT_PROVIDER');
const reseller = ctx('res-1', 'INDIRECT_RESELLER');
const median = (a: number[]) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]!; };

async function main() {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const one = async (sql: string) => (await client.query(sql)).rows[0];
  const irLast = await one(`SELECT state, "startedAt", id FROM "Partnership" WHERE "providerId"='prov-0' ORDER BY state, "startedAt", id OFFSET (SELECT count(*) - 60 FROM "Partnership" WHERE "providerId"='prov-0') LIMIT 1`);
  const rsLast = await one(`SELECT c."companyName", s.id FROM "Subscription" s JOIN "Customer" c ON c.id = s."customerId" WHERE c."managingResellerId"='res-1' OR s."supportContactOrgId"='res-1' ORDER BY 1, 2 OFFSET (SELECT count(*) - 60 FROM "Subscription" s JOIN "Customer" c ON c.id = s."customerId" WHERE c."managingResellerId"='res-1' OR s."supportContactOrgId"='res-1') LIMIT 1`);
  const csLast = await one(`SELECT "createdAt", id FROM "Subscription" WHERE "customerId"='cus-12' ORDER BY "createdAt", id OFFSET (SELECT count(*) - 30 FROM "Subscription" WHERE "customerId"='cus-12') LIMIT 1`);
  const cases: [string, { text: string; values: unknown[] }][] = [
    ['indirect resellers: first page', findIndirectResellersSql(provider, {})],
    ['indirect resellers: search "contoso"', findIndirectResellersSql(provider, { q: 'contoso' })],
    ['indirect resellers: search MPN "10001"', findIndirectResellersSql(provider, { q: '10001' })],
    ['indirect resellers: last page', findIndirectResellersSql(provider, { after: irLast ? `${irLast.state}.${irLast.startedAt.getTime()}.${irLast.id}` : undefined })],
    ['find a provider', findPublicProvidersSql()],
    ['reseller subscriptions: all, first page', findResellerSubscriptionsSql(reseller, {})],
    ['reseller subscriptions: managed', findResellerSubscriptionsSql(reseller, { relation: 'managed' })],
    ['reseller subscriptions: support', findResellerSubscriptionsSql(reseller, { relation: 'support' })],
    ['reseller subscriptions: search "woodgrove"', findResellerSubscriptionsSql(reseller, { q: 'woodgrove' })],
    ['reseller subscriptions: last page', findResellerSubscriptionsSql(reseller, { after: rsLast ? `${rsLast.companyName}|${rsLast.id}` : undefined })],
    ['customer subscriptions (2,000): first page', findCustomerSubscriptionsSql(provider, 'cus-12', {})],
    ['customer subscriptions (2,000): last page', findCustomerSubscriptionsSql(provider, 'cus-12', { after: csLast ? `${csLast.createdAt.getTime()}.${csLast.id}` : undefined })],
    ['customer subscriptions (3)', findCustomerSubscriptionsSql(provider, 'cus-13', {})],
  ];
  const verbose = process.argv.includes('--plans');
  for (const [name, sql] of cases) {
    const exec: number[] = []; const wall: number[] = []; let rows = 0;
    for (let i = 0; i < 9; i++) {
      const [plan] = (await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql.text}`, sql.values)).rows[0]['QUERY PLAN'];
      exec.push(plan['Planning Time'] + plan['Execution Time']);
      const t = performance.now(); rows = (await client.query(sql.text, sql.values)).rowCount ?? 0; wall.push(performance.now() - t);
    }
    console.log(`${name.padEnd(48)} plan+exec ${median(exec).toFixed(2).padStart(7)} ms   pg round trip ${median(wall).toFixed(2).padStart(7)} ms   rows ${rows}`);
    if (verbose) console.log((await client.query(`EXPLAIN (ANALYZE, COSTS OFF) ${sql.text}`, sql.values)).rows.map((r) => r['QUERY PLAN']).join('\n'));
  }
  await client.end();
}
void main();
