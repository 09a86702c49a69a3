// Matrix cases of partnerships: the reseller and provider lists, invitations
// and their links, Remove partnership.
import { findResellerFilter, listResellerOptions } from '@/lib/partnerships/list-reseller-options';
import { findIndirectProviders } from '@/lib/partnerships/find-indirect-providers';
import { findIndirectResellers } from '@/lib/partnerships/find-indirect-resellers';
import { findPendingInvitations, findReceivedInvitations } from '@/lib/partnerships/find-invitations';
import { previewRemovePartnership, removePartnership } from '@/lib/partnerships/remove-partnership';
import { viewInvitation, respondToInvitation } from '@/lib/partnerships/respond-to-invitation';
import { invitationLink, startPartnershipRequest } from '@/lib/partnerships/start-partnership-request';
import { sendPartnershipRequest } from '@/lib/partnerships/send-partnership-request';
import { resendInvitation, revokeInvitation } from '@/lib/partnerships/manage-invitation';
import { makeOrg, makePartnership } from '../../factories';
import { type Case, BASE, aud, ownFor } from './cases-kit';

export const PARTNERSHIP_CASES: Case[] = [
  {
    fn: 'lib/partnerships/list-reseller-options#listResellerOptions',
    kind: 'list',
    grant: { permission: 'customers.read', audiences: ['provider'] },
    call: (ctx) => listResellerOptions(ctx),
    ownMarker: (w) => w.ours.resellerId,
  },
  {
    fn: 'lib/partnerships/list-reseller-options#findResellerFilter',
    kind: 'list',
    grant: { permission: 'partnerships.read', audiences: ['provider'] },
    call: (ctx) => findResellerFilter(ctx),
    ownMarker: (w) => w.ours.resellerId,
  },
  {
    fn: 'lib/partnerships/list-reseller-options#findResellerFilter',
    variant: 'selected',
    kind: 'id',
    clean: true,
    grant: { permission: 'partnerships.read', audiences: ['provider'] },
    call: (ctx, id) => findResellerFilter(ctx, id),
  },
  {
    fn: 'lib/partnerships/find-indirect-providers#findIndirectProviders',
    kind: 'list',
    vendorWide: true,
    grant: { permission: 'partnerships.read', audiences: ['reseller'] },
    call: (ctx) => findIndirectProviders(ctx),
    ownMarker: (w, ctx) => (aud(ctx) === 'reseller' ? w.ours.providerId : null),
  },
  {
    fn: 'lib/partnerships/find-invitations#findReceivedInvitations',
    kind: 'list',
    grant: { permission: 'partnerships.read', audiences: ['reseller'] },
    call: (ctx) => findReceivedInvitations(ctx),
  },
  {
    fn: 'lib/partnerships/remove-partnership#previewRemovePartnership',
    kind: 'id',
    grant: { permission: 'partnerships.write', audiences: ['provider'] },
    call: (ctx, id) => previewRemovePartnership(ctx, { partnershipId: id }),
    own: (w) => w.ours.partnership,
  },
  {
    // A reseller calling it sees only its own partnerships (the page is the provider's): another reseller of ours must
    // not show.
    fn: 'lib/partnerships/find-indirect-resellers#findIndirectResellers',
    kind: 'list',
    vendorWide: true,
    grant: { permission: 'partnerships.read', audiences: ['provider'] },
    call: (ctx) => findIndirectResellers(ctx),
    ownMarker: (w) => w.ours.tailspinId,
  },
  {
    // As the Indirect resellers page asks: the pending invitations in the list's statement.
    fn: 'lib/partnerships/find-indirect-resellers#findIndirectResellers',
    variant: 'with the pending invitations',
    kind: 'list',
    grant: { permission: 'partnerships.read', audiences: ['provider'] },
    call: (ctx) => findIndirectResellers(ctx, {}, { invitations: true }),
    ownMarker: (w) => w.ours.invitation,
  },
  {
    fn: 'lib/partnerships/find-invitations#findPendingInvitations',
    kind: 'list',
    grant: { permission: 'partnerships.read', audiences: ['provider'] },
    call: (ctx) => findPendingInvitations(ctx),
    ownMarker: (w) => w.ours.invitation,
  },
  {
    // An invitation link shows who invites to whoever holds it (it is sent to a reseller not yet in the portal).
    fn: 'lib/partnerships/respond-to-invitation#viewInvitation',
    kind: 'token',
    capability: () => true,
    grant: { permission: null, audiences: [] },
    call: (ctx, token) => viewInvitation(ctx, token),
  },
  {
    fn: 'lib/partnerships/start-partnership-request#startPartnershipRequest',
    kind: 'self',
    writes: true,
    grant: { permission: 'partnerships.write', audiences: ['provider'] },
    call: (ctx) => startPartnershipRequest(ctx, { baseUrl: BASE }),
  },
  {
    fn: 'lib/partnerships/send-partnership-request#sendPartnershipRequest',
    kind: 'id',
    writes: true,
    grant: { permission: 'partnerships.write', audiences: ['provider'] },
    call: (ctx, id, side) =>
      sendPartnershipRequest(ctx, {
        invitationId: id,
        subject: 'Matrix',
        body: `Matrix ${invitationLink(BASE, side.invitationToken)}`,
        resellerEmail: 'partner@matrix.example',
      }),
    own: ownFor({ provider: (w) => w.ours.invitation }),
  },
  {
    fn: 'lib/partnerships/manage-invitation#resendInvitation',
    kind: 'id',
    writes: true,
    grant: { permission: 'partnerships.write', audiences: ['provider'] },
    call: (ctx, id) => resendInvitation(ctx, { invitationId: id, baseUrl: BASE }),
    own: ownFor({ provider: (w) => w.ours.invitation }),
  },
  {
    fn: 'lib/partnerships/manage-invitation#revokeInvitation',
    kind: 'id',
    writes: true,
    grant: { permission: 'partnerships.write', audiences: ['provider'] },
    call: (ctx, id) => revokeInvitation(ctx, { invitationId: id }),
    own: ownFor({ provider: (w) => w.ours.invitation }),
  },
  {
    // Own call: a new partnership of Northwind each time, so the demo channel stays for the other cases.
    fn: 'lib/partnerships/remove-partnership#removePartnership',
    kind: 'id',
    writes: true,
    grant: { permission: 'partnerships.write', audiences: ['provider'] },
    call: (ctx, id) => removePartnership(ctx, { partnershipId: id }),
    own: async (w, ctx) =>
      aud(ctx) === 'provider'
        ? (await makePartnership(w.ours.providerId, (await makeOrg('INDIRECT_RESELLER')).id)).id
        : w.ours.partnership,
  },
  {
    // Anyone may try a link; only a reseller admin or admin agent may accept or decline one (by design, any link it
    // holds).
    fn: 'lib/partnerships/respond-to-invitation#respondToInvitation',
    kind: 'token',
    capability: (ctx) => aud(ctx) === 'reseller' && (ctx.role === 'ADMIN' || ctx.role === 'ADMIN_AGENT'),
    grant: { permission: null, audiences: [] },
    call: (ctx, token) =>
      respondToInvitation(ctx, { token, decision: 'decline', agree: false, baseUrl: BASE } as never),
  },
];
