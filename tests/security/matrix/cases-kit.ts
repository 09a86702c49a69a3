// What the matrix's cases share: the Case type, the grants' audiences, the
// own-record lookups and the inputs the write cases send.
import type { Ctx, Audience } from '@/lib/authz/context';
import { audienceOf } from '@/lib/authz/context';
import { type Permission } from '@/lib/authz/policy';
import type { Side, World } from './world';

export type Case = {
  /** lib/<module>#<function>, as the inventory names it. */
  fn: string;
  /** A second way the same function is reached (e.g. the helpdesk's support-contact submit). */
  variant?: string;
  /**
   * id: called with each resource id of the other side, must be refused (or, with `clean`, return none of its data);
   * list: no id, the result must hold none of the other side's data; token: a link token of the other side;
   * self: acts only on the caller (nothing foreign to pass); public: no account involved.
   */
  kind: 'id' | 'list' | 'token' | 'self' | 'public';
  /** The grant in ROLE_PERMISSIONS that the own-organisation call needs. */
  grant: { permission: Permission | null; audiences: Audience[]; when?: (ctx: Ctx) => boolean };
  /** A filter: a foreign id gives an empty answer rather than an error; checked for the other side's data. */
  clean?: boolean;
  /** Vendor staff reads (or manages) every organisation's records by design: its foreign cells are not leaks. */
  vendorWide?: boolean;
  /** Outcomes besides NotFound/Refused that are not a leak for foreign input (see the case's comment). */
  foreignOk?: Outcome[];
  /** Data of the other side this answer shows by design (e.g. who sent a link, to whoever holds it). */
  exposes?: (w: World) => string[];
  /** A token link is a capability: these callers may use any link by design. */
  capability?: (ctx: Ctx) => boolean;
  call: (ctx: Ctx, id: string, side: Side, w: World) => Promise<unknown>;
  /**
   * The own record to call with (id and token cases); null: this audience has none; undefined: not called on own data.
   */
  own?: (w: World, ctx: Ctx) => string | null | Promise<string | null>;
  /**
   * The side passed with the own call (default: ours). Used by cases whose own call must not match (stale versions).
   */
  ownSide?: (w: World) => Side;
  /** Text the own result must contain when the grant holds (no over-blocking of lists). */
  ownMarker?: (w: World, ctx: Ctx) => string | null;
  /** The own call changes data: it runs after the no-write snapshot. */
  writes?: boolean;
};

export type Outcome =
  'ok' | 'NotFound' | 'Refused' | 'Forbidden' | 'Conflict' | 'Invalid' | 'Unauthenticated' | 'Error';

export const PARTNERS: Audience[] = ['provider', 'reseller'];
export const BASE = 'http://matrix.example';
export const STALE = '2000-01-01T00:00:00.000Z';
export const aud = (ctx: Ctx) => audienceOf(ctx);

/** Own ids by audience (null where the audience has no record of that kind). */
export const ownFor = (map: Partial<Record<Audience, (w: World) => string>>) => (w: World, ctx: Ctx) =>
  map[aud(ctx)]?.(w) ?? null;

export const customerDetails = (prefix: string) => ({
  companyName: `Matrix ${prefix}`,
  domainPrefix: prefix,
  addressLine1: '1 Main St',
  city: 'Seattle',
  postalCode: '98101',
  country: 'US',
  contactFirstName: 'Pat',
  contactLastName: 'Doe',
  contactEmail: 'pat@matrix.example',
  language: 'en' as const,
});
let counter = 0;
/** A number no earlier call returned: unique SKUs and domain prefixes. */
export const nextId = () => counter++;
export const prefix = () => `matrix${Date.now().toString(36)}${nextId()}`;
export const offerFields = {
  sku: 'MATRIX-NEW',
  name: 'Matrix offer',
  description: '',
  billingFrequency: 'MONTHLY',
  termMonths: '1',
  unitPrice: '5',
  currency: 'USD',
  minQuantity: '1',
  maxQuantity: '10',
  incentiveRate: '1',
  upgradeTargetIds: [] as string[],
};

// Versions: the current one for the other side (a missing scope would really
// write), a stale one for our own (a Conflict proves scope and permission
// passed, and nothing is written).
export function versionOf(side: Side): number {
  return side.subscriptionVersion;
}
export function staleSide(w: World): Side {
  return { ...w.ours, subscriptionVersion: 999_999 };
}
