// Actions the audit log knows (a label each in the auditActions catalog);
// an action not listed here still shows, under its raw name.
export const AUDIT_ACTIONS = [
  'customer.created', 'customer.updated', 'customer.tenant_owner_given', 'customer.tenant_owner_removed',
  'order.placed',
  'subscription.created', 'subscription.quantity_changed', 'subscription.upgraded', 'subscription.reseller_changed',
  'subscription.support_contact_changed', 'subscription.suspended', 'subscription.reactivated', 'subscription.cancelled',
  'partnership.invitation_created', 'partnership.invitation_sent', 'partnership.invitation_revoked', 'partnership.invitation_resent',
  'partnership.invitation_declined', 'partnership.accepted', 'partnership.removed',
  'relationship.request_created', 'relationship.request_sent', 'relationship.request_revoked', 'relationship.accepted',
  'relationship.declined', 'relationship.delegated_admin_removed',
  'partner.enrolled', 'partner.approved', 'partner.suspended', 'provider_profile.updated',
  'offer.created', 'offer.updated', 'offer.activated', 'offer.deactivated',
  'user.password_changed', 'user.disabled',
] as const;

export const AUDIT_TARGET_TYPES = [
  'customer', 'subscription', 'order', 'partnership', 'partnershipInvitation', 'customerRelationshipRequest', 'organization', 'offer', 'user',
] as const;
