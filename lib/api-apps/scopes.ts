import type { Permission } from '@/lib/authz/policy';

// The Partner API's scopes: an app holds some of them, a token some of the
// app's. Each names the permissions of lib/authz/policy.ts it grants; a
// route of the API also names the scope it needs, so two scopes that share a
// permission (partnerships.write, relationships.write) still open different
// routes.
export const API_SCOPES = {
  'customers.read': ['customers.read'],
  'customers.write': ['customers.read', 'customers.write'],
  // A new customer's order creates the customer (F3); PATCH of a customer still needs customers.write.
  'orders.write': ['customers.read', 'customers.write', 'orders.write'],
  'subscriptions.read': ['subscriptions.read'],
  'subscriptions.write': ['subscriptions.read', 'subscriptions.write', 'support.write'],
  'partnerships.read': ['partnerships.read'],
  'partnerships.write': ['partnerships.read', 'partnerships.write'],
  'relationships.write': ['partnerships.read', 'partnerships.write'],
  'reports.read': ['incentives.read', 'audit.read'],
  'webhooks.manage': ['apps.manage'],
} as const satisfies Record<string, readonly Permission[]>;

export type ApiScope = keyof typeof API_SCOPES;
export const SCOPE_NAMES = Object.keys(API_SCOPES) as ApiScope[];

/** The permissions a set of scopes grants. */
export function permissionsOf(scopes: readonly ApiScope[]): Set<Permission> {
  return new Set(scopes.flatMap((scope) => API_SCOPES[scope]));
}

/** A scope a user may give an app: every permission it grants is one the user holds. */
export function grantable(scope: ApiScope, can: (permission: Permission) => boolean): boolean {
  return API_SCOPES[scope].every(can);
}
