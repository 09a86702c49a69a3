// The matrix's data: the demo data (Northwind, Fabrikam, Tailspin, Adatum,
// Woodgrove and one user of every role) is "our" side; a second channel
// (Contoso provider, Litware reseller, Fourth Coffee customer) is the OTHER
// side, with one record of every kind the portal shows.
import { db } from '@/lib/db';
import { hashToken, newToken } from '@/lib/tokens';
import { loadCtx } from '@/lib/auth/session';
import type { Ctx } from '@/lib/authz/context';
import type { Role } from '@/lib/generated/prisma/enums';
import { seedDemoData } from '@/prisma/demo-data';
import { makeCustomer, makeOrg, makePartnership, makeUser } from '../../factories';

export const RESOURCES = [
  'customer',
  'subscription',
  'partnership',
  'invitation',
  'relationshipRequest',
  'order',
  'auditEvent',
  'user',
  'providerProfile',
  'offer',
] as const;
export type Resource = (typeof RESOURCES)[number];

export type Side = Record<Resource, string> & {
  providerId: string;
  resellerId: string;
  invitationToken: string;
  requestToken: string;
  offerVersion: string;
  profileVersion: string;
  customerVersion: string;
  subscriptionVersion: number;
};

/** One signed-in user of every role, in the demo organisation of its kind. */
export const ACTORS: { email: string; role: Role }[] = [
  { email: 'staff@vendor.example', role: 'VENDOR_ADMIN' },
  { email: 'admin@northwind.example', role: 'ADMIN' },
  { email: 'agent@northwind.example', role: 'ADMIN_AGENT' },
  { email: 'sales@northwind.example', role: 'SALES_AGENT' },
  { email: 'helpdesk@northwind.example', role: 'HELPDESK_AGENT' },
  { email: 'admin@fabrikam.example', role: 'ADMIN' },
  { email: 'agent@fabrikam.example', role: 'ADMIN_AGENT' },
  { email: 'sales@fabrikam.example', role: 'SALES_AGENT' },
  { email: 'helpdesk@fabrikam.example', role: 'HELPDESK_AGENT' },
  { email: 'admin@woodgrove.onmicrosoft.example', role: 'CUSTOMER_ADMIN' },
  { email: 'user@woodgrove.onmicrosoft.example', role: 'CUSTOMER_USER' },
];

export type World = {
  ours: Side & { tailspinId: string; adatumId: string; vendorId: string; tenantDomain: string };
  theirs: Side;
  actors: { email: string; ctx: Ctx }[];
  /** Text only the other side's records contain: none of it may reach one of our users. */
  markers: string[];
};

const DAY = 24 * 60 * 60 * 1000;

async function pendingInvitation(providerId: string, createdById: string) {
  const token = newToken();
  const inv = await db().partnershipInvitation.create({
    data: {
      providerId,
      createdById,
      subject: 'Matrix invitation',
      body: 'Matrix',
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + 30 * DAY),
    },
  });
  return { id: inv.id, token };
}

async function pendingRequest(providerId: string, resellerId: string, customerId: string, createdById: string) {
  const token = newToken();
  const req = await db().customerRelationshipRequest.create({
    data: {
      providerId,
      resellerId,
      customerId,
      createdById,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + 30 * DAY),
    },
  });
  return { id: req.id, token };
}

export async function buildWorld(): Promise<World> {
  await seedDemoData(db() as never, {
    password: 'Demo-Passw0rd!',
    vendorName: 'Microsoft',
    tenantDomain: 'onmicrosoft.example',
  });
  const org = (mpnId: string) => db().organization.findUniqueOrThrow({ where: { mpnId } });
  const northwind = await org('4100001');
  const fabrikam = await org('5200001');
  const tailspin = await org('5200002');
  const adatum = await org('5200003');
  const vendor = await db().organization.findFirstOrThrow({ where: { kind: 'VENDOR' } });
  const woodgrove = await db().customer.findFirstOrThrow({ where: { companyName: 'Woodgrove Bank' } });
  const nora = await db().user.findUniqueOrThrow({ where: { email: 'admin@northwind.example' } });
  const subscription = await db().subscription.findFirstOrThrow({ where: { customerId: woodgrove.id } });
  const order = await db().order.findFirstOrThrow({ where: { customerId: woodgrove.id } });
  const partnership = await db().partnership.findFirstOrThrow({
    where: { providerId: northwind.id, resellerId: fabrikam.id },
  });
  const audit = await db().auditEvent.findFirstOrThrow({ where: { targetType: 'customer', targetId: woodgrove.id } });
  const offer = await db().offer.findUniqueOrThrow({ where: { sku: 'M365-BB' } });
  const profile = await db().providerProfile.findUniqueOrThrow({ where: { organizationId: northwind.id } });
  const ourInvitation = await pendingInvitation(northwind.id, nora.id);
  const ourRequest = await pendingRequest(northwind.id, tailspin.id, woodgrove.id, nora.id);

  // The other channel: provider Contoso, reseller Litware (delegated admin of Fourth Coffee).
  const contoso = await makeOrg('INDIRECT_PROVIDER', { legalName: 'Contoso Matrix Provider' });
  const litware = await makeOrg('INDIRECT_RESELLER', { legalName: 'Litware Matrix Reseller' });
  const theirPartnership = await makePartnership(contoso.id, litware.id);
  const fourth = await makeCustomer(contoso.id, litware.id, 'Fourth Coffee Matrix');
  const theirAdmin = await makeUser('ADMIN', { organizationId: contoso.id });
  await makeUser('ADMIN', { organizationId: litware.id });
  await makeUser('CUSTOMER_ADMIN', { customerId: fourth.id });
  const theirProfile = await db().providerProfile.create({
    data: { organizationId: contoso.id, description: 'Contoso Matrix profile', regionsServed: ['Matrixland'] },
  });
  const theirOffer = await db().offer.create({
    data: {
      sku: 'MATRIX-FOREIGN',
      name: 'Matrix foreign offer',
      billingFrequency: 'MONTHLY',
      termMonths: 1,
      unitPriceMinor: 700,
      maxQuantity: 300,
    },
  });
  const theirOrder = await db().order.create({
    data: {
      customerId: fourth.id,
      placedByUserId: theirAdmin.id,
      placedByOrgId: contoso.id,
      idempotencyKey: 'matrix-foreign',
      lines: { create: [{ offerId: theirOffer.id, quantity: 4, resellerMpnId: litware.mpnId }] },
    },
  });
  const now = new Date();
  const theirSubscription = await db().subscription.create({
    data: {
      customerId: fourth.id,
      offerId: theirOffer.id,
      orderId: theirOrder.id,
      quantity: 4,
      purchasedAt: now,
      termStartedAt: now,
      resellerId: litware.id,
      supportContactOrgId: litware.id,
      resellerAssociations: {
        create: [
          {
            resellerId: litware.id,
            startedAt: now,
            offerId: theirOffer.id,
            quantity: 4,
            unitPriceMinor: 700,
            currency: 'USD',
            incentiveRateBps: 500,
          },
        ],
      },
    },
  });
  const theirAudit = await db().auditEvent.create({
    data: {
      actorUserId: theirAdmin.id,
      actorOrgId: contoso.id,
      action: 'customer.created',
      targetType: 'customer',
      targetId: fourth.id,
      orgIds: [contoso.id, litware.id],
      after: { companyName: 'Fourth Coffee Matrix' },
    },
  });
  const theirInvitation = await pendingInvitation(contoso.id, theirAdmin.id);
  const theirRequest = await pendingRequest(contoso.id, litware.id, fourth.id, theirAdmin.id);

  const actors = await Promise.all(
    ACTORS.map(async ({ email }) => {
      const user = await db().user.findUniqueOrThrow({ where: { email } });
      const ctx = await loadCtx(user.id, user.sessionVersion);
      if (!ctx) throw new Error(`no context for ${email}`);
      return { email, ctx };
    }),
  );

  const theirs: Side = {
    customer: fourth.id,
    subscription: theirSubscription.id,
    partnership: theirPartnership.id,
    invitation: theirInvitation.id,
    relationshipRequest: theirRequest.id,
    order: theirOrder.id,
    auditEvent: theirAudit.id,
    user: theirAdmin.id,
    providerProfile: contoso.id,
    offer: theirOffer.id,
    providerId: contoso.id,
    resellerId: litware.id,
    invitationToken: theirInvitation.token,
    requestToken: theirRequest.token,
    offerVersion: theirOffer.updatedAt.toISOString(),
    profileVersion: theirProfile.updatedAt.toISOString(),
    customerVersion: fourth.updatedAt.toISOString(),
    subscriptionVersion: theirSubscription.version,
  };
  const ours: World['ours'] = {
    customer: woodgrove.id,
    subscription: subscription.id,
    partnership: partnership.id,
    invitation: ourInvitation.id,
    relationshipRequest: ourRequest.id,
    order: order.id,
    auditEvent: audit.id,
    user: nora.id,
    providerProfile: northwind.id,
    offer: offer.id,
    providerId: northwind.id,
    resellerId: fabrikam.id,
    invitationToken: ourInvitation.token,
    requestToken: ourRequest.token,
    offerVersion: offer.updatedAt.toISOString(),
    profileVersion: profile.updatedAt.toISOString(),
    customerVersion: woodgrove.updatedAt.toISOString(),
    subscriptionVersion: subscription.version,
    tailspinId: tailspin.id,
    adatumId: adatum.id,
    vendorId: vendor.id,
    tenantDomain: woodgrove.tenantDomain,
  };
  // Every id of the other side and its distinctive names; the offer catalog is shared by design, so its offer is not a marker.
  const markers = [
    ...RESOURCES.filter((r) => r !== 'offer').map((r) => theirs[r]),
    theirs.providerId,
    theirs.resellerId,
    theirProfile.id,
    'Contoso Matrix',
    'Litware Matrix',
    'Fourth Coffee Matrix',
    fourth.tenantDomain,
    theirAdmin.email,
  ];
  return { ours, theirs, actors, markers };
}
