// The matrix's other channel (provider Contoso, reseller Litware, customer
// Fourth Coffee) with one record of every kind the portal shows, and the
// pending invitation and request records both sides get.
import { db } from '@/lib/db';
import { hashToken, newToken } from '@/lib/tokens';
import { makeCustomer, makeOrg, makePartnership, makeUser } from '../../factories';
import type { Side } from './world';

const DAY = 24 * 60 * 60 * 1000;

export async function pendingInvitation(providerId: string, createdById: string) {
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

export async function pendingRequest(providerId: string, resellerId: string, customerId: string, createdById: string) {
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

/** The other side's records; also what only they contain (names, tenant domain, admin email, profile id). */
/** An API app of an organisation, as createApiApp leaves it (its secret is of no use here). */
export function apiApp(organizationId: string, createdById: string, name: string) {
  return db().apiApp.create({
    data: {
      organizationId,
      createdById,
      name,
      clientId: `pcapp_${name.replace(/\W/g, '').slice(0, 16)}${Math.random().toString(36).slice(2, 8)}`,
      scopes: ['customers.read'],
      secretHash: 'matrix',
    },
  });
}

/** A webhook endpoint of an organisation with one test delivery in its log (its secret is of no use here). */
export async function webhookEndpoint(organizationId: string, createdById: string, url: string) {
  const endpoint = await db().webhookEndpoint.create({
    data: { organizationId, createdById, url, events: ['customer.updated'], secretEncrypted: 'matrix' },
  });
  const delivery = await db().webhookDelivery.create({
    data: {
      endpointId: endpoint.id,
      organizationId,
      messageId: `msg_${endpoint.id}`,
      eventType: 'webhook.test',
      resourceKey: `test:${endpoint.id}`,
      payload: { type: 'webhook.test', timestamp: new Date().toISOString(), data: { endpointId: endpoint.id } },
      state: 'SUCCEEDED',
      nextAttemptAt: new Date(),
      createdAt: new Date(),
    },
  });
  return { endpointId: endpoint.id, deliveryId: delivery.id };
}

export async function buildOtherChannel(): Promise<{ theirs: Side; markers: string[] }> {
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

  const theirApp = await apiApp(contoso.id, theirAdmin.id, 'Contoso Matrix app');
  const theirHook = await webhookEndpoint(contoso.id, theirAdmin.id, 'https://contoso-matrix-hooks.example/in');
  const theirRelationship = await db().adminRelationship.create({
    data: {
      partnerOrgId: contoso.id,
      customerId: fourth.id,
      name: 'Contoso Matrix relationship',
      roles: ['GLOBAL_ADMINISTRATOR'],
      durationDays: 730,
      tokenHash: `matrix-${contoso.id}`,
      requestedById: theirAdmin.id,
      requestedAt: new Date(),
      requestExpiresAt: new Date(Date.now() + 90 * 86_400_000),
      approvedAt: new Date(),
      endsAt: new Date(Date.now() + 730 * 86_400_000),
    },
  });
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
    apiApp: theirApp.id,
    webhookEndpoint: theirHook.endpointId,
    webhookDelivery: theirHook.deliveryId,
    adminRelationship: theirRelationship.id,
    providerId: contoso.id,
    resellerId: litware.id,
    invitationToken: theirInvitation.token,
    requestToken: theirRequest.token,
    offerVersion: theirOffer.updatedAt.toISOString(),
    profileVersion: theirProfile.updatedAt.toISOString(),
    customerVersion: fourth.updatedAt.toISOString(),
    subscriptionVersion: theirSubscription.version,
  };
  return {
    theirs,
    markers: [
      theirProfile.id,
      'Contoso Matrix',
      'Litware Matrix',
      'Fourth Coffee Matrix',
      fourth.tenantDomain,
      theirAdmin.email,
      'contoso-matrix-hooks.example',
    ],
  };
}
