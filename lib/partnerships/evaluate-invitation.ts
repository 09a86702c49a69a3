import { audienceOf, type Ctx } from '@/lib/authz/context';

export type InvitationRecord = {
  state: 'PENDING' | 'ACCEPTED' | 'DECLINED' | 'REVOKED' | 'EXPIRED';
  expiresAt: Date;
  acceptedByOrgId: string | null;
};

/** What a partnership link means for this visitor (R2); "ready" is the only state that may accept. */
export type InvitationStatus =
  | 'ready'
  | 'alreadyAccepted'
  | 'usedByOther'
  | 'revoked'
  | 'declined'
  | 'expired'
  | 'signInRequired'
  | 'providerAccount'
  | 'customerAccount'
  | 'vendorAccount'
  | 'enrolmentPending'
  | 'suspended'
  | 'roleNotAllowed';

export function evaluateInvitation(ctx: Ctx | null, invitation: InvitationRecord, now: Date): InvitationStatus {
  if (invitation.state === 'ACCEPTED') {
    return ctx?.orgId && invitation.acceptedByOrgId === ctx.orgId ? 'alreadyAccepted' : 'usedByOther';
  }
  if (invitation.state === 'REVOKED') return 'revoked';
  if (invitation.state === 'DECLINED') return 'declined';
  if (invitation.state === 'EXPIRED' || invitation.expiresAt <= now) return 'expired';
  if (!ctx) return 'signInRequired';
  switch (audienceOf(ctx)) {
    case 'provider':
      return 'providerAccount';
    case 'customer':
      return 'customerAccount';
    case 'vendor':
      return 'vendorAccount';
    case 'reseller':
      break;
  }
  if (ctx.orgStatus === 'PENDING') return 'enrolmentPending';
  if (ctx.orgStatus !== 'ACTIVE') return 'suspended';
  if (ctx.role !== 'ADMIN' && ctx.role !== 'ADMIN_AGENT') return 'roleNotAllowed';
  return 'ready';
}
