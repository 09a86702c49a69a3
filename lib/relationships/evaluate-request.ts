import { audienceOf, type Ctx } from '@/lib/authz/context';

export type RequestRecord = {
  state: 'PENDING' | 'ACCEPTED' | 'DECLINED' | 'REVOKED' | 'EXPIRED';
  expiresAt: Date;
  customerId: string;
};

/** What a relationship link means for this visitor (R12); only "ready" may accept or decline. */
export type RequestStatus =
  | 'ready'
  | 'alreadyAccepted'
  | 'used'
  | 'revoked'
  | 'expired'
  | 'signInRequired'
  | 'wrongCustomer'
  | 'notCustomerAdmin';

export function evaluateRequest(ctx: Ctx | null, request: RequestRecord, now: Date): RequestStatus {
  const ownAdmin =
    !!ctx && audienceOf(ctx) === 'customer' && ctx.customerId === request.customerId && ctx.role === 'CUSTOMER_ADMIN';
  if (request.state === 'ACCEPTED') return ownAdmin ? 'alreadyAccepted' : 'used';
  if (request.state === 'DECLINED') return 'used';
  if (request.state === 'REVOKED') return 'revoked';
  if (request.state === 'EXPIRED' || request.expiresAt <= now) return 'expired';
  if (!ctx) return 'signInRequired';
  if (audienceOf(ctx) === 'customer' && ctx.customerId !== request.customerId) return 'wrongCustomer';
  if (!ownAdmin) return 'notCustomerAdmin';
  return 'ready';
}
