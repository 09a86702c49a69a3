import type { Role } from '@/lib/generated/prisma/enums';
import { NotFound, Refused } from '@/lib/errors';
import { audienceOf, type Audience, type Ctx } from './context';

// Permissions are strings shared by server and UI. A permission is granted
// when the user's role has it AND the organisation kind allows it; the scope
// functions in ./scopes.ts then decide which records it applies to.

export const PERMISSIONS = [
  'home.read',
  'customers.read',
  'customers.write',
  'subscriptions.read',
  'subscriptions.write',
  'support.write',
  'partnerships.read',
  'partnerships.write',
  'orders.write',
  'users.manage',
  'partners.read',
  'partners.manage',
  'profiles.manage',
  'offers.manage',
  'tenant.read',
  'tenant.manage',
  'account.self',
  'mailbox.read',
  'incentives.read',
  'audit.read',
  'apps.manage',
  'mfa.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  VENDOR_ADMIN: [
    'home.read',
    'customers.read',
    'subscriptions.read',
    'partnerships.read',
    'partners.read',
    'partners.manage',
    'profiles.manage',
    'offers.manage',
    'users.manage',
    'account.self',
    'mailbox.read',
    'audit.read',
    'mfa.manage',
  ],
  ADMIN: [
    'home.read',
    'customers.read',
    'customers.write',
    'subscriptions.read',
    'subscriptions.write',
    'support.write',
    'partnerships.read',
    'partnerships.write',
    'orders.write',
    'users.manage',
    'account.self',
    'incentives.read',
    'audit.read',
    'apps.manage',
    'mfa.manage',
  ],
  ADMIN_AGENT: [
    'home.read',
    'customers.read',
    'customers.write',
    'subscriptions.read',
    'subscriptions.write',
    'support.write',
    'partnerships.read',
    'partnerships.write',
    'orders.write',
    'account.self',
    'incentives.read',
    'audit.read',
  ],
  SALES_AGENT: [
    'home.read',
    'customers.read',
    'customers.write',
    'subscriptions.read',
    'orders.write',
    'partnerships.read',
    'account.self',
    'incentives.read',
  ],
  HELPDESK_AGENT: [
    'home.read',
    'customers.read',
    'subscriptions.read',
    'support.write',
    'partnerships.read',
    'account.self',
  ],
  CUSTOMER_ADMIN: ['home.read', 'tenant.read', 'tenant.manage', 'subscriptions.read', 'account.self', 'mfa.manage'],
  CUSTOMER_USER: ['home.read', 'tenant.read', 'subscriptions.read', 'account.self'],
};

/** Partner organisations must be ACTIVE to act on customers and partnerships. */
function orgAllows(ctx: Ctx, permission: Permission): boolean {
  if (permission === 'account.self' || permission === 'home.read' || permission === 'mfa.manage') return true;
  const audience = audienceOf(ctx);
  if (audience === 'customer' || audience === 'vendor') return true;
  return ctx.orgStatus === 'ACTIVE';
}

export function can(ctx: Ctx, permission: Permission): boolean {
  if (ctx.app && !ctx.app.permissions.has(permission)) return false;
  return ROLE_PERMISSIONS[ctx.role].includes(permission) && orgAllows(ctx, permission);
}

export function assertCan(ctx: Ctx, permission: Permission): void {
  if (!can(ctx, permission)) throw new Refused('errors.forbidden');
}

/** Which areas of the portal a user's navigation offers. */
export function navigationFor(ctx: Ctx): { href: string; label: string }[] {
  const items: Record<Audience, { href: string; label: string; permission: Permission }[]> = {
    provider: [
      { href: '/', label: 'nav.home', permission: 'home.read' },
      { href: '/indirect-resellers', label: 'nav.indirectResellers', permission: 'partnerships.read' },
      { href: '/customers', label: 'nav.customers', permission: 'customers.read' },
      { href: '/incentives', label: 'nav.incentives', permission: 'incentives.read' },
      { href: '/audit-log', label: 'nav.auditLog', permission: 'audit.read' },
      { href: '/api-apps', label: 'nav.apiApps', permission: 'apps.manage' },
      { href: '/webhooks', label: 'nav.webhooks', permission: 'apps.manage' },
      { href: '/users', label: 'nav.users', permission: 'users.manage' },
      { href: '/profile', label: 'nav.profile', permission: 'home.read' },
    ],
    reseller: [
      { href: '/', label: 'nav.home', permission: 'home.read' },
      { href: '/indirect-providers', label: 'nav.indirectProviders', permission: 'partnerships.read' },
      { href: '/customers', label: 'nav.customers', permission: 'customers.read' },
      { href: '/subscriptions', label: 'nav.subscriptions', permission: 'subscriptions.read' },
      { href: '/incentives', label: 'nav.incentives', permission: 'incentives.read' },
      { href: '/audit-log', label: 'nav.auditLog', permission: 'audit.read' },
      { href: '/api-apps', label: 'nav.apiApps', permission: 'apps.manage' },
      { href: '/webhooks', label: 'nav.webhooks', permission: 'apps.manage' },
      { href: '/users', label: 'nav.users', permission: 'users.manage' },
    ],
    customer: [
      { href: '/', label: 'nav.overview', permission: 'home.read' },
      { href: '/partner-relationships', label: 'nav.partnerRelationships', permission: 'tenant.read' },
      { href: '/users', label: 'nav.users', permission: 'tenant.manage' },
      { href: '/licenses', label: 'nav.licences', permission: 'tenant.manage' },
      { href: '/partner-activity', label: 'nav.partnerActivity', permission: 'tenant.manage' },
    ],
    vendor: [
      { href: '/', label: 'nav.home', permission: 'home.read' },
      { href: '/partners', label: 'nav.partners', permission: 'partners.read' },
      { href: '/customers', label: 'nav.customers', permission: 'customers.read' },
      { href: '/offers', label: 'nav.offers', permission: 'offers.manage' },
      { href: '/audit-log', label: 'nav.auditLog', permission: 'audit.read' },
      { href: '/users', label: 'nav.users', permission: 'users.manage' },
      { href: '/mailbox', label: 'nav.mailbox', permission: 'mailbox.read' },
    ],
  };
  return items[audienceOf(ctx)].filter((item) => can(ctx, item.permission));
}

/** Screens that belong to one audience answer 404 to the others (R3). */
export function assertAudience(ctx: Ctx, ...audiences: Audience[]): void {
  if (!audiences.includes(audienceOf(ctx))) throw new NotFound('page');
}
