// The matrix's data: the demo data (Northwind, Fabrikam, Tailspin, Adatum,
// Woodgrove and one user of every role) is "our" side; a second channel
// (Contoso provider, Litware reseller, Fourth Coffee customer, world-other-channel.ts) is the OTHER
// side, with one record of every kind the portal shows.
import { db } from '@/lib/db';
import { loadCtx } from '@/lib/auth/session';
import type { Ctx } from '@/lib/authz/context';
import type { Role } from '@/lib/generated/prisma/enums';
import { seedDemoData } from '@/prisma/demo-data';
import { apiApp, buildOtherChannel, pendingInvitation, pendingRequest, webhookEndpoint } from './world-other-channel';

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
  'apiApp',
  'webhookEndpoint',
  'webhookDelivery',
  'adminRelationship',
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
  const ourApp = await apiApp(northwind.id, nora.id, 'Northwind matrix app');
  const ourHook = await webhookEndpoint(northwind.id, nora.id, 'https://northwind-matrix-hooks.example/in');

  // The other channel: provider Contoso, reseller Litware (delegated admin of Fourth Coffee).
  const other = await buildOtherChannel();
  const { theirs } = other;

  const actors = await Promise.all(
    ACTORS.map(async ({ email }) => {
      const user = await db().user.findUniqueOrThrow({ where: { email } });
      const ctx = await loadCtx(user.id, user.sessionVersion);
      if (!ctx) throw new Error(`no context for ${email}`);
      return { email, ctx };
    }),
  );

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
    apiApp: ourApp.id,
    webhookEndpoint: ourHook.endpointId,
    webhookDelivery: ourHook.deliveryId,
    adminRelationship: (
      await db().adminRelationship.findFirstOrThrow({ where: { partnerOrgId: northwind.id, customerId: woodgrove.id } })
    ).id,
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
  // Every id of the other side and its distinctive names; the offer catalog is shared by design, so its offer is not a
  // marker.
  const markers = [
    ...RESOURCES.filter((r) => r !== 'offer').map((r) => theirs[r]),
    theirs.providerId,
    theirs.resellerId,
    ...other.markers,
  ];
  return { ours, theirs, actors, markers };
}
