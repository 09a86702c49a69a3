// Property-based: the form posts of organisations, offers, users and API
// apps (a provider's profile, a password change, disabling a user,
// registering, rotating and revoking an app; vendor staff's
// partner approval and offers; the public enrolment), filled with random and
// hostile values, through the harness of forms.ts: a result or a typed
// domain error, a refusal writes nothing, and channel B's records never
// change through channel A's users. The partner channel's forms:
// write-functions.test.ts.
import { vi } from 'vitest';
import { z } from 'zod';
import { describeFormPosts, type Case } from './forms';
import { updateProviderProfile } from '@/lib/organizations/update-provider-profile';
import { setPartnerStatus } from '@/lib/organizations/set-partner-status';
import { enrolReseller } from '@/lib/organizations/enrol-reseller';
import { setPartnerStatusInput, updateProviderProfileInput } from '@/lib/organizations/schemas';
import { createOffer } from '@/lib/offers/create-offer';
import { createOfferInput } from '@/lib/offers/schemas';
import { changePassword } from '@/lib/users/change-password';
import { disableUser, enableUser, removeUser } from '@/lib/users/disable-user';
import { addUser } from '@/lib/users/add-user';
import { changeUserRole } from '@/lib/users/change-user-role';
import { setPasswordWithLink } from '@/lib/users/join';
import { resendUserInvitation, revokeUserInvitation } from '@/lib/users/manage-invitation';
import { requestPasswordReset } from '@/lib/users/request-password-reset';
import {
  addUserInput,
  changePasswordInput,
  changeRoleInput,
  disableUserInput,
  forgotPasswordInput,
  setPasswordWithLinkInput,
  setUserEnabledInput,
  userIdInput,
} from '@/lib/users/schemas';
import { assignLicence, unassignLicence } from '@/lib/tenant/licences';
import { addTenantUser, resetTenantUserPassword, setTenantUserEnabled } from '@/lib/tenant/tenant-users';
import { addTenantUserInput, licenceInput, setTenantUserEnabledInput, tenantUserInput } from '@/lib/tenant/schemas';
import { addGroupMember, createGroup, removeGroupMember } from '@/lib/groups/manage-groups';
import { createGroupInput, groupMemberInput } from '@/lib/groups/schemas';
import { requestRelationship } from '@/lib/admin-relationships/request-relationship';
import { respondToRelationship, terminateRelationship } from '@/lib/admin-relationships/respond-to-relationship';
import {
  relationshipInput,
  requestRelationshipInput,
  respondRelationshipInput,
  type RequestRelationshipInput,
} from '@/lib/admin-relationships/schemas';
import { createApiApp } from '@/lib/api-apps/create-api-app';
import { rotateApiAppSecret } from '@/lib/api-apps/rotate-api-app-secret';
import { revokeApiApp } from '@/lib/api-apps/revoke-api-app';
import { apiAppInput, createApiAppInput } from '@/lib/api-apps/schemas';
import { createWebhookEndpoint } from '@/lib/webhooks/create-webhook-endpoint';
import { deleteWebhookEndpoint } from '@/lib/webhooks/delete-webhook-endpoint';
import { findWebhookDeliveries } from '@/lib/webhooks/find-webhook-deliveries';
import { resendWebhookDelivery } from '@/lib/webhooks/resend-webhook-delivery';
import { sendTestEvent } from '@/lib/webhooks/send-test-event';
import { setWebhookEndpointEnabled } from '@/lib/webhooks/set-webhook-endpoint-enabled';
import {
  createWebhookEndpointInput,
  findWebhookDeliveriesInput,
  setWebhookEndpointEnabledInput,
  webhookDeliveryInput,
  webhookEndpointInput,
} from '@/lib/webhooks/schemas';

// As every portal process has it: webhook secrets are encrypted under a key derived from it.
vi.stubEnv('NEXTAUTH_SECRET', 'a-fuzz-secret-0123456789-0123456789');

const CASES: Case[] = [
  {
    name: 'Add a webhook endpoint (org admin)',
    ctx: (w) => w.ctx.providerA,
    schema: createWebhookEndpointInput,
    keys: ['url', 'events'],
    run: (ctx, input) => createWebhookEndpoint(ctx, input),
  },
  {
    name: 'Send a webhook test event (org admin)',
    ctx: (w) => w.ctx.resellerA,
    schema: webhookEndpointInput,
    keys: ['endpointId'],
    run: (ctx, input) => sendTestEvent(ctx, input),
  },
  {
    name: 'Disable or enable a webhook endpoint (org admin)',
    ctx: (w) => w.ctx.resellerA,
    schema: setWebhookEndpointEnabledInput,
    keys: ['endpointId', 'enabled'],
    run: (ctx, input) => setWebhookEndpointEnabled(ctx, input),
  },
  {
    name: 'Delete a webhook endpoint (org admin)',
    ctx: (w) => w.ctx.resellerA,
    schema: webhookEndpointInput,
    keys: ['endpointId'],
    run: (ctx, input) => deleteWebhookEndpoint(ctx, input),
  },
  {
    name: 'Resend a webhook delivery (org admin)',
    ctx: (w) => w.ctx.resellerA,
    schema: webhookDeliveryInput,
    keys: ['deliveryId'],
    run: (ctx, input) => resendWebhookDelivery(ctx, input),
  },
  {
    name: 'A webhook delivery log (org admin)',
    ctx: (w) => w.ctx.providerA,
    schema: findWebhookDeliveriesInput,
    keys: ['endpointId', 'before'],
    run: (ctx, input) => findWebhookDeliveries(ctx, input),
  },
  {
    name: 'Register an API app (org admin)',
    ctx: (w) => w.ctx.providerA,
    schema: createApiAppInput,
    keys: ['name', 'scopes'],
    run: (ctx, input) => createApiApp(ctx, input),
  },
  {
    name: 'Rotate an API app secret (org admin)',
    ctx: (w) => w.ctx.resellerA,
    schema: apiAppInput,
    keys: ['appId'],
    run: (ctx, input) => rotateApiAppSecret(ctx, input),
  },
  {
    name: 'Revoke an API app (org admin)',
    ctx: (w) => w.ctx.resellerA,
    schema: apiAppInput,
    keys: ['appId'],
    run: (ctx, input) => revokeApiApp(ctx, input),
  },
  {
    name: 'provider profile',
    ctx: (w) => w.ctx.providerA,
    schema: updateProviderProfileInput,
    keys: ['orgId', 'description', 'regionsServed', 'contactEmail', 'contactPhone', 'website', 'version'],
    run: (ctx, input) => updateProviderProfile(ctx, input),
  },
  {
    name: 'change password',
    ctx: (w) => w.ctx.resellerA,
    schema: changePasswordInput,
    keys: ['currentPassword', 'newPassword', 'confirmPassword'],
    run: (ctx, input) => changePassword(ctx, input),
  },
  {
    // Its own id is refused, a colleague's is disabled, channel B's user is not found (and never changes).
    name: 'disable a user (org admin)',
    ctx: (w) => w.ctx.resellerA,
    schema: disableUserInput,
    keys: ['userId'],
    ids: (w) => [w.ctx.resellerA.userId, w.users.colleagueA.id, w.ctx.providerA.userId, w.users.userB.id],
    run: (ctx, input) => disableUser(ctx, input),
  },
  {
    name: 'Add user (org admin)',
    ctx: (w) => w.ctx.resellerA,
    schema: addUserInput,
    keys: ['email', 'name', 'role'],
    run: (ctx, input: { email: string; name: string; role: never }) =>
      addUser(ctx, { ...input, baseUrl: 'https://portal.test' }),
  },
  {
    name: 'Change role (org admin)',
    ctx: (w) => w.ctx.resellerA,
    schema: changeRoleInput,
    keys: ['userId', 'role'],
    ids: (w) => [w.ctx.resellerA.userId, w.users.colleagueA.id, w.ctx.providerA.userId, w.users.userB.id],
    run: (ctx, input) => changeUserRole(ctx, input),
  },
  {
    name: 'Disable or enable a user (org admin)',
    ctx: (w) => w.ctx.resellerA,
    schema: setUserEnabledInput,
    keys: ['userId', 'enabled'],
    ids: (w) => [w.users.colleagueA.id, w.ctx.providerA.userId, w.users.userB.id],
    run: (ctx, input: { userId: string; enabled: string }) =>
      input.enabled === 'true' ? enableUser(ctx, input) : disableUser(ctx, input),
  },
  {
    name: 'Remove a user (org admin)',
    ctx: (w) => w.ctx.resellerA,
    schema: userIdInput,
    keys: ['userId'],
    ids: (w) => [w.ctx.resellerA.userId, w.ctx.providerA.userId, w.users.userB.id],
    run: (ctx, input) => removeUser(ctx, input),
  },
  {
    name: 'Resend a user invitation (org admin)',
    ctx: (w) => w.ctx.resellerA,
    schema: userIdInput,
    keys: ['userId'],
    ids: (w) => [w.users.colleagueA.id, w.ctx.providerA.userId, w.users.userB.id],
    run: (ctx, input: { userId: string }) => resendUserInvitation(ctx, { ...input, baseUrl: 'https://portal.test' }),
  },
  {
    name: 'Revoke a user invitation (org admin)',
    ctx: (w) => w.ctx.resellerA,
    schema: userIdInput,
    keys: ['userId'],
    ids: (w) => [w.users.colleagueA.id, w.ctx.providerA.userId, w.users.userB.id],
    run: (ctx, input) => revokeUserInvitation(ctx, input),
  },
  {
    // Anyone holding a link: a forged or foreign token sets nothing.
    name: 'Set a password through a mailed link (public)',
    ctx: (w) => w.ctx.resellerA,
    schema: setPasswordWithLinkInput,
    keys: ['token', 'newPassword', 'confirmPassword'],
    run: (_ctx, input) => setPasswordWithLink(input, 'PASSWORD_RESET'),
    foreignSafe: false,
  },
  {
    name: 'Forgot password? (public)',
    ctx: () => null,
    schema: forgotPasswordInput,
    keys: ['email'],
    run: (_ctx, input: { email: string }) => requestPasswordReset({ ...input, baseUrl: 'https://portal.test' }),
    foreignSafe: false,
  },
  {
    name: "Add user in a customer tenant (the tenant's admin)",
    ctx: (w) => w.ctx.customerA,
    schema: addTenantUserInput,
    keys: ['customerId', 'email', 'name', 'role'],
    ids: (w) => [w.a.customer.id, w.b.customer.id],
    run: (ctx, input) => addTenantUser(ctx, input),
  },
  {
    name: "Reset a tenant user's password (the tenant's admin)",
    ctx: (w) => w.ctx.customerA,
    schema: tenantUserInput,
    keys: ['customerId', 'userId'],
    ids: (w) => [w.a.customer.id, w.b.customer.id, w.ctx.customerA.userId, w.users.userB.id],
    run: (ctx, input) => resetTenantUserPassword(ctx, input),
  },
  {
    name: "Disable or enable a tenant user (the tenant's admin)",
    ctx: (w) => w.ctx.customerA,
    schema: setTenantUserEnabledInput,
    keys: ['customerId', 'userId', 'enabled'],
    ids: (w) => [w.a.customer.id, w.b.customer.id, w.ctx.customerA.userId, w.users.userB.id],
    run: (ctx, input) => setTenantUserEnabled(ctx, input),
  },
  {
    name: "Assign or take back a licence (the tenant's admin)",
    ctx: (w) => w.ctx.customerA,
    schema: licenceInput,
    keys: ['customerId', 'subscriptionId', 'userId'],
    ids: (w) => [w.a.customer.id, w.b.customer.id, w.subA.id, w.subB.id, w.ctx.customerA.userId, w.users.userB.id],
    run: async (ctx, input) => {
      await assignLicence(ctx, input);
      return unassignLicence(ctx, input);
    },
  },
  {
    name: 'Create group (partner admin)',
    ctx: (w) => w.ctx.resellerA,
    schema: createGroupInput,
    keys: ['name'],
    run: (ctx, input) => createGroup(ctx, input),
  },
  {
    name: 'Add or remove a group member (partner admin)',
    ctx: (w) => w.ctx.resellerA,
    schema: groupMemberInput,
    keys: ['groupId', 'userId'],
    ids: (w) => [w.ctx.resellerA.userId, w.users.colleagueA.id, w.users.userB.id, w.ctx.providerA.userId],
    run: async (ctx, input) => {
      await addGroupMember(ctx, input);
      return removeGroupMember(ctx, input);
    },
  },
  {
    name: 'Request a delegated admin relationship (partner)',
    ctx: (w) => w.ctx.providerA,
    schema: requestRelationshipInput,
    keys: ['customerId', 'name', 'durationDays', 'roles', 'autoExtend'],
    ids: (w) => [w.a.customer.id, w.b.customer.id],
    run: (ctx, input: RequestRelationshipInput) =>
      requestRelationship(ctx, { ...input, baseUrl: 'https://portal.test' }),
  },
  {
    name: "Approve or decline a relationship (the tenant's admin)",
    ctx: (w) => w.ctx.customerA,
    schema: respondRelationshipInput,
    keys: ['relationshipId', 'decision'],
    run: (ctx, input) => respondToRelationship(ctx, input),
  },
  {
    name: 'Terminate a relationship (either side)',
    ctx: (w) => w.ctx.providerA,
    schema: relationshipInput,
    keys: ['relationshipId'],
    run: (ctx, input) => terminateRelationship(ctx, input),
  },
  // Vendor staff reach every organisation: only "a refusal writes nothing" applies.
  {
    name: 'partner approve/suspend (vendor)',
    ctx: (w) => w.vendor,
    schema: setPartnerStatusInput,
    keys: ['orgId', 'status'],
    run: (ctx, input) => setPartnerStatus(ctx, input),
    foreignSafe: false,
  },
  {
    name: 'New offer (vendor)',
    ctx: (w) => w.vendor,
    schema: createOfferInput,
    foreignSafe: false,
    keys: [
      'sku',
      'name',
      'description',
      'billingFrequency',
      'termMonths',
      'unitPrice',
      'currency',
      'minQuantity',
      'maxQuantity',
      'isAzurePlan',
      'incentiveRate',
      'upgradeTargetIds',
      'active',
    ],
    run: (ctx, input) => createOffer(ctx, input),
  },
  {
    name: 'enrolment (public)',
    ctx: () => null,
    schema: z.record(z.string(), z.string()),
    foreignSafe: false,
    keys: ['companyName', 'mpnId', 'country', 'adminName', 'email', 'password', 'confirmPassword'],
    run: (_ctx, input) => enrolReseller(input as never),
  },
];

describeFormPosts(CASES);
