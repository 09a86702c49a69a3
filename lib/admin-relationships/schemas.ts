import { z } from 'zod';
import { MAX_DURATION_DAYS, MIN_DURATION_DAYS } from './status';

export const DELEGATED_ROLES = [
  'GLOBAL_READER',
  'USER_ADMINISTRATOR',
  'HELPDESK_ADMINISTRATOR',
  'LICENSE_ADMINISTRATOR',
  'GLOBAL_ADMINISTRATOR',
] as const;
export type DelegatedRoleName = (typeof DELEGATED_ROLES)[number];

const id = z.string().min(1).max(40);
const roles = z
  .array(z.enum(DELEGATED_ROLES, 'adminRelationships.errors.rolesRequired'))
  .min(1, 'adminRelationships.errors.rolesRequired')
  .max(DELEGATED_ROLES.length);

/** A partner requests a relationship with a customer it serves. */
export const requestRelationshipInput = z
  .object({
    customerId: id,
    name: z.string().trim().min(1, 'errors.required').max(50, 'adminRelationships.errors.nameTooLong'),
    durationDays: z.coerce
      .number('adminRelationships.errors.duration')
      .int('adminRelationships.errors.duration')
      .min(MIN_DURATION_DAYS, 'adminRelationships.errors.duration')
      .max(MAX_DURATION_DAYS, 'adminRelationships.errors.duration'),
    roles,
    autoExtend: z.enum(['off', '180'], 'errors.invalidValue'),
  })
  .refine((v) => !(v.autoExtend === '180' && v.roles.includes('GLOBAL_ADMINISTRATOR')), {
    path: ['autoExtend'],
    message: 'adminRelationships.errors.autoExtendGlobalAdmin',
  });
export type RequestRelationshipInput = z.input<typeof requestRelationshipInput>;

export const relationshipInput = z.object({ relationshipId: id });
export type RelationshipInput = z.infer<typeof relationshipInput>;

/** The customer's admin approves or declines a pending request. */
export const respondRelationshipInput = relationshipInput.extend({ decision: z.enum(['approve', 'decline']) });
export type RespondRelationshipInput = z.infer<typeof respondRelationshipInput>;

/** A partner admin gives one of its groups some of an active relationship's roles (none: the group loses them). */
export const assignGroupInput = relationshipInput.extend({
  groupId: id,
  roles: z.array(z.enum(DELEGATED_ROLES)).max(DELEGATED_ROLES.length).default([]),
});
export type AssignGroupInput = z.input<typeof assignGroupInput>;
