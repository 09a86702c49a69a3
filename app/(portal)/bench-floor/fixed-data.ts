// The benchmark floors' fixed data (`npm run bench`): for each list's layout,
// 50 rows shaped as its domain function returns them, with names and values
// of the lengths the scale data has, so that a floor renders what its list
// renders and only the data's cost is left between them. Built once per
// process; nothing here touches the database.
import type { CustomersData } from '@/components/customers/customers-view';
import type { CustomerData, CustomerSubscriptionsData } from '@/components/customers/customer-view';
import type { IndirectResellersData } from '@/components/partnerships/indirect-resellers-view';
import type { ResellerSubscriptionsData } from '@/components/subscriptions/reseller-subscriptions-view';
import type { AuditLogData } from '@/components/reports/audit-log-view';
import type { IncentivesData } from '@/components/reports/incentives-view';
import type { ResellerFilter } from '@/lib/partnerships/list-reseller-options';

const ROWS = 50;
const pad = (n: number, width = 6) => String(n).padStart(width, '0');
const id = (prefix: string, n: number) => `floor${prefix}${pad(n, 19 - prefix.length)}`;
const each = <T>(make: (i: number) => T): T[] => Array.from({ length: ROWS }, (_, i) => make(i));
const at = new Date(Date.UTC(2026, 9, 15, 9, 30));
const day = (n: number) => new Date(at.getTime() - n * 86_400_000);

const provider = { id: id('p', 1), legalName: 'Floor Distribution Ltd', mpnId: '5100001' };
const reseller = (i: number) => ({
  id: id('r', (i % 7) + 1),
  legalName: `Floor Reseller ${(i % 7) + 1} GmbH`,
  mpnId: String(5_300_000 + (i % 7)),
});
const company = (i: number) => `Floor Company ${pad(i + 1, 2)} Ltd`;
const domain = (i: number) => `floorcompany${pad(i + 1, 5)}.onmicrosoft.example`;
const OFFERS = [
  'Microsoft 365 Business Standard',
  'Microsoft 365 E3',
  'Dynamics 365 Sales Professional',
  'Azure plan',
  'Exchange Online (Plan 1)',
];

export const customers: { list: CustomersData; filter: ResellerFilter; filteredBy: ResellerFilter } = {
  list: {
    rows: each((i) => ({
      id: id('c', i + 1),
      companyName: company(i),
      tenantDomain: domain(i),
      createdAt: day(i),
      provider,
      managingReseller: reseller(i),
    })),
    nextCursor: id('c', ROWS),
    previousCursor: null,
    total: 10_000,
    totalCapped: true,
    filter: null,
  },
  // Too many resellers for a list (as at scale): the filter takes an MPN ID.
  filter: { options: null, selected: null },
  // The same, filtered by one of them (the list names it).
  filteredBy: { options: null, selected: reseller(0) },
};

export const customer: { data: CustomerData; subscriptions: CustomerSubscriptionsData } = {
  data: {
    customer: {
      id: id('c', 1),
      companyName: company(0),
      domainPrefix: 'floorcompany00001',
      tenantDomain: domain(0),
      addressLine1: '1 Floor Street',
      addressLine2: null,
      city: 'Floor City',
      region: null,
      postalCode: '10001',
      country: 'US',
      contactFirstName: 'Flo',
      contactLastName: 'Floorman',
      contactEmail: 'flo@floorcompany00001.example',
      contactPhone: '+1 555 0100',
      language: 'en',
      providerId: provider.id,
      provider,
      managingResellerId: reseller(0).id,
      managingReseller: reseller(0),
      resellerDelegatedAdmin: true,
      resellerTenantOwner: false,
      createdAt: at,
      updatedAt: at,
    },
    requests: [],
    // Too many resellers for a list (as at scale): the request form takes an MPN ID.
    resellers: null,
  },
  subscriptions: {
    rows: each((i) => ({
      id: id('s', i + 1),
      quantity: 10 + i,
      status: i % 9 === 8 ? 'SUSPENDED' : 'ACTIVE',
      createdAt: day(i),
      offer: {
        name: OFFERS[i % OFFERS.length]!,
        sku: `FLOOR-${pad(i % OFFERS.length, 3)}`,
        isAzurePlan: OFFERS[i % OFFERS.length] === 'Azure plan',
      },
      reseller: reseller(i),
      supportContactOrg: {
        legalName: reseller(i).legalName,
        contactEmail: `support@reseller${(i % 7) + 1}.example`,
        contactPhone: '+49 30 555 0100',
      },
    })),
    total: 120,
    totalCapped: false,
    hasAzurePlan: true,
    nextCursor: `${day(ROWS).getTime()}.${id('s', ROWS)}`,
  },
};

export const indirectResellers: IndirectResellersData = {
  rows: each((i) => ({
    id: id('l', i + 1),
    state: 'ACTIVE' as const,
    startedAt: day(400 + i),
    endedAt: null,
    reseller: {
      id: id('r', i + 1),
      legalName: `Floor Reseller ${pad(i + 1, 5)} GmbH`,
      mpnId: String(5_300_000 + i),
      status: 'ACTIVE' as const,
    },
    customers: 10 + i,
    licences: 100 + 7 * i,
  })),
  nextCursor: `ACTIVE.${day(400 + ROWS).getTime()}.${id('l', ROWS)}`,
  removed: null,
  invitations: null,
};

export const resellerSubscriptions: ResellerSubscriptionsData = {
  rows: each((i) => ({
    id: id('s', i + 1),
    quantity: 10 + i,
    status: 'ACTIVE' as const,
    supportContactOrgId: reseller(0).id,
    offer: { name: OFFERS[i % OFFERS.length]! },
    customer: {
      id: id('c', i + 1),
      companyName: company(i),
      tenantDomain: domain(i),
      managingResellerId: reseller(0).id,
    },
    reseller: reseller(0),
    supportContactOrg: { id: reseller(0).id, legalName: reseller(0).legalName },
    managed: true,
    supportContact: i % 3 === 0,
  })),
  nextCursor: `${company(ROWS - 1)}|${id('s', ROWS)}`,
};

const AUDIT = [
  {
    action: 'subscription.reactivated',
    targetType: 'subscription',
    change: 'status: SUSPENDED → ACTIVE; autoRenew: false → true',
  },
  {
    action: 'subscription.created',
    targetType: 'subscription',
    change: 'offerId: floor0offer000000001; quantity: 10; customerId: floorc00000000000001; resellerMpnId: 5300001',
  },
  {
    action: 'customer.created',
    targetType: 'customer',
    change: 'companyName: Floor Company 01 Ltd; tenantDomain: floorcompany00001.onmicrosoft.example',
  },
  { action: 'order.placed', targetType: 'order', change: 'customerId: floorc00000000000001; resellerMpnId: 5300001' },
  { action: 'subscription.reseller_changed', targetType: 'subscription', change: '' },
];

export const auditLog: AuditLogData = {
  rows: each((i) => {
    const e = AUDIT[i % AUDIT.length]!;
    return {
      id: id('e', i + 1),
      occurredAt: new Date(at.getTime() - i * 60_000),
      action: e.action,
      outcome: 'OK' as const,
      targetType: e.targetType,
      targetId: id('t', i + 1),
      actorName: `Floor User ${(i % 5) + 1}`,
      actorEmail: `user${(i % 5) + 1}@floor.example`,
      actorOrg: provider.legalName,
      before: null,
      after: null,
      change: e.change,
    };
  }),
  nextCursor: `${at.getTime() - ROWS * 60_000}.${id('e', ROWS)}`,
};

const month = { start: new Date(Date.UTC(2026, 9, 1)), end: new Date(Date.UTC(2026, 10, 1)) };
const incentiveRows = each((i) => {
  const r = reseller(Math.floor(i / 8));
  return {
    resellerId: r.id,
    resellerName: r.legalName,
    resellerMpnId: r.mpnId,
    providerName: provider.legalName,
    customerId: id('c', i + 1),
    customerName: company(i),
    subscriptionId: id('s', i + 1),
    offerName: OFFERS[i % OFFERS.length]!,
    quantity: 10 + i,
    unitPriceMinor: 1_250 + 100 * (i % 5),
    currency: 'USD',
    incentiveRateBps: 500,
    from: month.start,
    to: new Date(Date.UTC(2026, 9, 31)),
    days: 31,
    earnedMinor: 600 + 13 * i,
  };
});

export const incentives: IncentivesData = {
  month: '2026-10',
  ...month,
  rows: incentiveRows,
  totals: [
    ...new Map(
      incentiveRows.map((r) => [
        r.resellerId,
        { resellerId: r.resellerId, resellerName: r.resellerName, currency: 'USD', earnedMinor: 25_000 },
      ]),
    ).values(),
  ],
  nextCursor: `${incentiveRows[ROWS - 1]!.resellerId}.8`,
  partial: false,
  resellers: { count: 100, capped: true, options: null },
  selected: null,
  unknownReseller: false,
};
