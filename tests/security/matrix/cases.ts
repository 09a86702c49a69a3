// How the matrix calls each domain function that a page, route or server
// action uses (the inventory finds them; a function without a case here fails
// the matrix by name). Every id-taking case is called with every resource of
// the other channel; every case is also called on our own records to check
// that what ROLE_PERMISSIONS grants still works.
// The cases live in one module per area (cases-<area>.ts); this index puts
// them together in the order the matrix calls them (the write cases' order
// matters: a request is sent before it is revoked).
import { API_APP_CASES } from './cases-api-apps';
import { WEBHOOK_CASES } from './cases-webhooks';
import { MFA_CASES } from './cases-mfa';
import { CATALOG_CASES } from './cases-catalog';
import { CUSTOMER_CASES } from './cases-customers';
import { type Case } from './cases-kit';
import { PARTNERSHIP_CASES } from './cases-partnerships';
import { RELATIONSHIP_CASES } from './cases-relationships';
import { REPORT_CASES } from './cases-reports';
import { SUBSCRIPTION_CASES } from './cases-subscriptions';
import { USER_CASES } from './cases-users';
import { TENANT_CASES } from './cases-tenant';
import { GROUP_CASES } from './cases-groups';
import { ADMIN_RELATIONSHIP_CASES } from './cases-admin-relationships';

export type { Case, Outcome } from './cases-kit';

export const CASES: Case[] = [
  ...REPORT_CASES,
  ...CUSTOMER_CASES,
  ...RELATIONSHIP_CASES,
  ...PARTNERSHIP_CASES,
  ...CATALOG_CASES,
  ...SUBSCRIPTION_CASES,
  ...USER_CASES,
  ...TENANT_CASES,
  ...GROUP_CASES,
  ...ADMIN_RELATIONSHIP_CASES,
  ...API_APP_CASES,
  ...WEBHOOK_CASES,
  ...MFA_CASES,
];

/** Functions no case calls, each with the reason (the inventory still requires them to be listed). */
export const NOT_CALLED: Record<string, string> = {
  'lib/bench/floor-sql#runBenchStatement':
    "the benchmark's own statement by name from the file PC_BENCH_SQL names, only with PC_BENCH=1 (the API " +
    'floor answers 404 without it); input picks a statement of that file, never a record',
  'lib/organizations/enrol-reseller#enrolReseller':
    'public sign-up without an account: creates a new organisation, takes no id of another one',
  'lib/users/change-password#changePassword':
    'acts only on the signed-in user (ctx.userId); no id of another record is accepted',
  'lib/rate-limit/token-links#tokenLinksRefused':
    'rate limit of link pages: reads a counter keyed by the client address, no record of any organisation',
  'lib/api-apps/issue-token#issueToken':
    "OAuth client credentials without a session: a token only for the app whose secret is given, carrying that app's " +
    'own organisation and scopes (tests/integration/api-tokens.int.test.ts)',
  'lib/mfa/relying-party#relyingParty':
    "WebAuthn's relying party from the request's host (or NEXTAUTH_URL): no record of any organisation",
  'lib/mfa/second-factor#passkeySignInOptions':
    'the second sign-in step: the user comes from the encrypted pending-sign-in cookie set after the right ' +
    'password, never from input (tests/e2e/mfa.spec.ts)',
  'lib/rate-limit/token-links#countInvalidToken':
    'rate limit of link pages: counts an unknown token for the client address, no record of any organisation',
};

/** Pages and routes that load no data of any organisation. */
export const NO_DATA: Record<string, string> = {
  '/enrol': 'public enrolment form',
  '/sign-in': 'sign-in form',
  '/change-password': "the signed-in user's own form",
  '/forgot-password': 'public form: the same answer for every email (its action: requestPasswordReset)',
  '/join/[token]': "renders components/users/password-link-page.tsx, which reads the link's token (viewUserLink)",
  '/reset-password/[token]':
    "renders components/users/password-link-page.tsx, which reads the link's token (viewUserLink)",
  '/sign-in/verify': "the second sign-in step's form, for the pending sign-in of this browser",
  '/api/auth/[...nextauth]': 'next-auth',
  '/api/test/clock': 'test clock, 404 unless PC_TEST_CLOCK=1',
  '/api/v1/openapi.json': "the Partner API's OpenAPI document: made from the operations' schemas, no data",
  '/api/docs': "the Partner API's reference page (Swagger UI), reading the document",
  '/api/docs/[asset]': "the reference page's script and style files",
  '/api/bench-floor':
    'the benchmark floor of the Partner API: 50 fixed customers through the API gates, 404 unless PC_BENCH=1',
  '/bench-floor': 'the benchmark floor: the Customers page with 50 fixed rows, 404 unless PC_BENCH=1',
  '/bench-floor/customers':
    'the benchmark floor of the Customers list: its view with 50 fixed rows, 404 unless PC_BENCH=1',
  '/bench-floor/customer':
    "the benchmark floor of a customer's subscriptions: its view with 50 fixed rows, 404 unless PC_BENCH=1",
  '/bench-floor/indirect-resellers':
    'the benchmark floor of Indirect resellers: its view with 50 fixed rows, 404 unless PC_BENCH=1',
  '/bench-floor/subscriptions':
    "the benchmark floor of the reseller's Subscriptions: its view with 50 fixed rows, 404 unless PC_BENCH=1",
  '/bench-floor/audit-log': 'the benchmark floor of the Audit log: its view with 50 fixed rows, 404 unless PC_BENCH=1',
  '/bench-floor/incentives': 'the benchmark floor of Incentives: its view with 50 fixed rows, 404 unless PC_BENCH=1',
};
