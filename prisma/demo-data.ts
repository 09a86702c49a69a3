import { createHash, randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { PrismaClient } from '../lib/generated/prisma/client';

// SPEC §8's demo data. Created only on a new embedded database or when asked
// for (`npm run db:seed`); never silently on a configured server.

export type DemoOptions = { password: string; vendorName: string; tenantDomain: string; now?: Date };

const DAY = 24 * 60 * 60 * 1000;

export async function seedDemoData(db: PrismaClient, options: DemoOptions): Promise<'seeded' | 'skipped'> {
  if ((await db.organization.count()) > 0) return 'skipped';
  const now = options.now ?? new Date();
  const passwordHash = await hash(options.password);

  await db.$transaction(
    async (tx) => {
      const vendor = await tx.organization.create({
        data: {
          kind: 'VENDOR',
          legalName: options.vendorName,
          country: 'US',
          status: 'ACTIVE',
          contactEmail: 'partners@vendor.example',
        },
      });
      const northwind = await tx.organization.create({
        data: {
          kind: 'INDIRECT_PROVIDER',
          legalName: 'Northwind Distribution',
          mpnId: '4100001',
          country: 'US',
          status: 'ACTIVE',
          contactEmail: 'partners@northwind.example',
          contactPhone: '+1 206 555 0100',
          website: 'https://northwind.example',
          profile: {
            create: {
              description:
                'Cloud distributor serving resellers across North America and Japan: ' +
                'Microsoft 365, Azure and partner enablement.',
              regionsServed: ['United States', 'Canada', 'Japan'],
              contactEmail: 'partners@northwind.example',
              contactPhone: '+1 206 555 0100',
              website: 'https://northwind.example',
            },
          },
        },
      });
      const reseller = (legalName: string, mpnId: string, domain: string, country: string) =>
        tx.organization.create({
          data: {
            kind: 'INDIRECT_RESELLER',
            legalName,
            mpnId,
            country,
            status: 'ACTIVE',
            contactEmail: `support@${domain}`,
            contactPhone: '+1 425 555 0142',
            website: `https://${domain}`,
          },
        });
      const fabrikam = await reseller('Fabrikam Solutions', '5200001', 'fabrikam.example', 'US');
      const tailspin = await reseller('Tailspin IT', '5200002', 'tailspin.example', 'US');
      const adatum = await reseller('Adatum Reseller', '5200003', 'adatum.example', 'JP');

      const user = (
        email: string,
        name: string,
        role: 'VENDOR_ADMIN' | 'ADMIN' | 'SALES_AGENT',
        organizationId: string,
      ) => tx.user.create({ data: { email, name, role, organizationId, passwordHash } });
      await user('staff@vendor.example', 'Vendor Staff', 'VENDOR_ADMIN', vendor.id);
      const northwindAdmin = await user('admin@northwind.example', 'Nora Admin', 'ADMIN', northwind.id);
      await user('sales@northwind.example', 'Sam Sales', 'SALES_AGENT', northwind.id);
      await user('admin@fabrikam.example', 'Fiona Admin', 'ADMIN', fabrikam.id);
      await user('admin@tailspin.example', 'Tom Admin', 'ADMIN', tailspin.id);
      await user('admin@adatum.example', 'Aki Admin', 'ADMIN', adatum.id);
      // One user of every partner role in each partner organisation, so each
      // role can be tried on every screen (README, Demo accounts).
      const agents: [string, string, typeof northwind][] = [
        ['northwind', 'Northwind', northwind],
        ['fabrikam', 'Fabrikam', fabrikam],
        ['tailspin', 'Tailspin', tailspin],
        ['adatum', 'Adatum', adatum],
      ];
      await tx.user.createMany({
        data: agents.flatMap(([domain, name, org]) => [
          {
            email: `agent@${domain}.example`,
            name: `${name} Admin Agent`,
            role: 'ADMIN_AGENT' as const,
            organizationId: org.id,
            passwordHash,
          },
          ...(domain === 'northwind'
            ? []
            : [
                {
                  email: `sales@${domain}.example`,
                  name: `${name} Sales`,
                  role: 'SALES_AGENT' as const,
                  organizationId: org.id,
                  passwordHash,
                },
              ]),
          {
            email: `helpdesk@${domain}.example`,
            name: `${name} Helpdesk`,
            role: 'HELPDESK_AGENT' as const,
            organizationId: org.id,
            passwordHash,
          },
        ]),
      });

      // Fabrikam's group for delegated roles in its customers' tenants (README, Demo accounts).
      const fabrikamAgent = await tx.user.findUniqueOrThrow({ where: { email: 'agent@fabrikam.example' } });
      await tx.userGroup.create({
        data: {
          organizationId: fabrikam.id,
          name: 'Fabrikam helpdesk',
          members: { create: [{ userId: fabrikamAgent.id }] },
        },
      });

      for (const r of [fabrikam, tailspin]) {
        await tx.partnership.create({
          data: { providerId: northwind.id, resellerId: r.id, startedAt: new Date(now.getTime() - 90 * DAY) },
        });
      }

      const offer = (sku: string, name: string, unitPriceMinor: number, incentiveRateBps: number, extra: object = {}) =>
        tx.offer.create({
          data: {
            sku,
            name,
            billingFrequency: 'MONTHLY',
            termMonths: 1,
            unitPriceMinor,
            currency: 'USD',
            minQuantity: 1,
            maxQuantity: 300,
            incentiveRateBps,
            ...extra,
          },
        });
      const e3 = await offer('M365-E3', 'Microsoft 365 E3', 3600, 1000, {
        description: 'Enterprise productivity and security, per user.',
        maxQuantity: 10000,
      });
      const premium = await offer('M365-BP', 'Microsoft 365 Business Premium', 2200, 800, {
        description: 'Business Standard plus advanced security, per user.',
        upgradeTargets: { connect: [{ id: e3.id }] },
      });
      const standard = await offer('M365-BS', 'Microsoft 365 Business Standard', 1250, 600, {
        description: 'Desktop apps, email and Teams, per user.',
        upgradeTargets: { connect: [{ id: premium.id }, { id: e3.id }] },
      });
      const basic = await offer('M365-BB', 'Microsoft 365 Business Basic', 600, 500, {
        description: 'Web and mobile apps, email and Teams, per user.',
        upgradeTargets: { connect: [{ id: standard.id }, { id: premium.id }, { id: e3.id }] },
      });
      await offer('AZURE-PLAN', 'Azure plan', 0, 300, {
        description: 'Usage-based Azure consumption.',
        billingFrequency: 'USAGE',
        termMonths: null,
        isAzurePlan: true,
        minQuantity: 1,
        maxQuantity: 1,
      });

      const tenantDomain = `woodgrove.${options.tenantDomain}`;
      const woodgrove = await tx.customer.create({
        data: {
          companyName: 'Woodgrove Bank',
          domainPrefix: 'woodgrove',
          tenantDomain,
          addressLine1: '1 Woodgrove Way',
          city: 'Seattle',
          region: 'WA',
          postalCode: '98101',
          country: 'US',
          contactFirstName: 'Wendy',
          contactLastName: 'Grove',
          contactEmail: 'it@woodgrove.example',
          contactPhone: '+1 206 555 0199',
          language: 'en',
          providerId: northwind.id,
          managingResellerId: fabrikam.id,
          createdAt: now,
        },
      });
      await tx.user.create({
        data: {
          email: `admin@${tenantDomain}`,
          name: 'Woodgrove Admin',
          role: 'CUSTOMER_ADMIN',
          customerId: woodgrove.id,
          passwordHash,
        },
      });
      await tx.user.createMany({
        data: [
          ['user', 'Woodgrove User'],
          ['ava', 'Ava Lee'],
          ['ben', 'Ben Ortiz'],
        ].map(([local, name]) => ({
          email: `${local}@${tenantDomain}`,
          name: name!,
          role: 'CUSTOMER_USER' as const,
          customerId: woodgrove.id,
          passwordHash,
        })),
      });
      const order = await tx.order.create({
        data: {
          customerId: woodgrove.id,
          placedByUserId: northwindAdmin.id,
          placedByOrgId: northwind.id,
          idempotencyKey: 'demo-woodgrove',
          createdAt: now,
          lines: { create: [{ offerId: basic.id, quantity: 10, resellerMpnId: fabrikam.mpnId }] },
        },
      });
      await tx.subscription.create({
        data: {
          customerId: woodgrove.id,
          offerId: basic.id,
          orderId: order.id,
          quantity: 10,
          purchasedAt: now,
          termStartedAt: now,
          renewsAt: new Date(now.getTime() + 30 * DAY),
          resellerId: fabrikam.id,
          supportContactOrgId: northwind.id,
          resellerAssociations: {
            create: [
              {
                resellerId: fabrikam.id,
                startedAt: now,
                offerId: basic.id,
                quantity: 10,
                unitPriceMinor: basic.unitPriceMinor,
                currency: basic.currency,
                incentiveRateBps: basic.incentiveRateBps,
              },
            ],
          },
        },
      });
      // Delegated admin relationships with Woodgrove Bank (README, Demo accounts):
      // Fabrikam's active one (its helpdesk group holds both roles), Northwind's
      // that ends in 5 days, and Tailspin IT's request waiting for approval.
      const relationship = async (
        partnerOrgId: string,
        name: string,
        roles: ('GLOBAL_READER' | 'USER_ADMINISTRATOR' | 'LICENSE_ADMINISTRATOR')[],
        durationDays: number,
        approvedDaysAgo: number | null,
      ) =>
        tx.adminRelationship.create({
          data: {
            partnerOrgId,
            customerId: woodgrove.id,
            name,
            roles,
            durationDays,
            // The link of a seeded request was never mailed: a random token nobody holds.
            tokenHash: createHash('sha256').update(randomBytes(32)).digest('hex'),
            requestedById: (await tx.user.findFirstOrThrow({ where: { organizationId: partnerOrgId, role: 'ADMIN' } }))
              .id,
            requestedAt: new Date(now.getTime() - (approvedDaysAgo ?? 0) * DAY),
            requestExpiresAt: new Date(now.getTime() + (90 - (approvedDaysAgo ?? 0)) * DAY),
            ...(approvedDaysAgo === null
              ? {}
              : {
                  approvedAt: new Date(now.getTime() - approvedDaysAgo * DAY),
                  endsAt: new Date(now.getTime() + (durationDays - approvedDaysAgo) * DAY),
                }),
          },
          select: { id: true },
        });
      const fabrikamRelationship = await relationship(
        fabrikam.id,
        'Fabrikam support for Woodgrove',
        ['USER_ADMINISTRATOR', 'LICENSE_ADMINISTRATOR'],
        730,
        30,
      );
      const helpdeskGroup = await tx.userGroup.findFirstOrThrow({ where: { organizationId: fabrikam.id } });
      await tx.accessAssignment.create({
        data: {
          relationshipId: fabrikamRelationship.id,
          groupId: helpdeskGroup.id,
          roles: ['USER_ADMINISTRATOR', 'LICENSE_ADMINISTRATOR'],
        },
      });
      const northwindRelationship = await relationship(
        northwind.id,
        'Northwind read access',
        ['GLOBAL_READER'],
        365,
        360,
      );
      const northwindSupport = await tx.userGroup.create({
        data: {
          organizationId: northwind.id,
          name: 'Northwind support',
          members: {
            create: (
              await tx.user.findMany({
                where: { email: { in: ['admin@northwind.example', 'agent@northwind.example'] } },
                select: { id: true },
              })
            ).map((u) => ({ userId: u.id })),
          },
        },
      });
      await tx.accessAssignment.create({
        data: { relationshipId: northwindRelationship.id, groupId: northwindSupport.id, roles: ['GLOBAL_READER'] },
      });
      await relationship(
        tailspin.id,
        'Tailspin onboarding',
        ['USER_ADMINISTRATOR', 'LICENSE_ADMINISTRATOR'],
        730,
        null,
      );

      // Four of its ten Business Basic licences are assigned to Woodgrove's users (Licenses).
      const basicSubscription = await tx.subscription.findFirstOrThrow({ where: { orderId: order.id } });
      const woodgroveUsers = await tx.user.findMany({ where: { customerId: woodgrove.id }, select: { id: true } });
      await tx.licenceAssignment.createMany({
        data: woodgroveUsers.map((u) => ({ subscriptionId: basicSubscription.id, userId: u.id, assignedAt: now })),
      });
      // The audit trail of what the demo starts with, so the audit log is not empty on a new portal.
      const subscription = await tx.subscription.findFirstOrThrow({
        where: { orderId: order.id },
        select: { id: true },
      });
      const partnerships = await tx.partnership.findMany({
        where: { providerId: northwind.id },
        select: { id: true, resellerId: true, startedAt: true },
      });
      const resellerAdmins = await tx.user.findMany({
        where: { organizationId: { in: [fabrikam.id, tailspin.id] }, role: 'ADMIN' },
        select: { id: true, organizationId: true },
      });
      const names = new Map([
        [fabrikam.id, fabrikam.legalName],
        [tailspin.id, tailspin.legalName],
      ]);
      const byNora = {
        actorUserId: northwindAdmin.id,
        actorOrgId: northwind.id,
        occurredAt: now,
        orgIds: [northwind.id, fabrikam.id],
      };
      await tx.auditEvent.createMany({
        data: [
          ...partnerships.map((p) => ({
            occurredAt: p.startedAt,
            actorUserId: resellerAdmins.find((u) => u.organizationId === p.resellerId)?.id ?? null,
            actorOrgId: p.resellerId,
            action: 'partnership.accepted',
            targetType: 'partnership',
            targetId: p.id,
            orgIds: [northwind.id, p.resellerId],
            after: { provider: northwind.legalName, reseller: names.get(p.resellerId) ?? '' },
          })),
          {
            ...byNora,
            action: 'customer.created',
            targetType: 'customer',
            targetId: woodgrove.id,
            after: { companyName: 'Woodgrove Bank', tenantDomain, managingResellerMpnId: fabrikam.mpnId },
          },
          {
            ...byNora,
            action: 'subscription.created',
            targetType: 'subscription',
            targetId: subscription.id,
            after: { customerId: woodgrove.id, offerId: basic.id, quantity: 10, resellerMpnId: fabrikam.mpnId },
          },
          {
            ...byNora,
            action: 'order.placed',
            targetType: 'order',
            targetId: order.id,
            after: { customerId: woodgrove.id, resellerMpnId: fabrikam.mpnId },
          },
        ],
      });
      // Every account made above (and only those: the hash's salt is new) is a
      // demo account, which may sign in with the password alone (README).
      await tx.user.updateMany({ where: { passwordHash }, data: { demoAccount: true } });
    },
    { timeout: 60_000, maxWait: 30_000 },
  ); // the embedded database on a busy machine takes its time
  return 'seeded';
}
