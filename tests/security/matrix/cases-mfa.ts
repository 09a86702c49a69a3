// Matrix cases of multi-factor sign-in: the signed-in user's own factors
// (self), an admin's reset of a user's factors (id: a user of the other
// channel is not found) and Require multi-factor sign-in (the admin's own
// organisation or tenant, never one named by the input).
import { confirmTotp } from '@/lib/mfa/confirm-totp';
import { findSecurityView } from '@/lib/mfa/find-security-view';
import { finishPasskeyRegistration, removePasskey, startPasskeyRegistration } from '@/lib/mfa/passkeys';
import { relyingParty } from '@/lib/mfa/relying-party';
import { removeTotp } from '@/lib/mfa/remove-totp';
import { renewRecoveryCodes } from '@/lib/mfa/renew-recovery-codes';
import { resetUserFactors } from '@/lib/mfa/reset-user-factors';
import { setRequireMfa } from '@/lib/mfa/set-require-mfa';
import { readRequireMfa } from '@/lib/mfa/require-mfa-scope';
import { startTotpSetup } from '@/lib/mfa/start-totp-setup';
import { type Case, PARTNERS } from './cases-kit';

const EVERYONE = ['vendor' as const, ...PARTNERS, 'customer' as const];
const rp = relyingParty('matrix.example');

export const MFA_CASES: Case[] = [
  {
    fn: 'lib/mfa/find-security-view#findSecurityView',
    kind: 'self',
    grant: { permission: 'account.self', audiences: EVERYONE },
    call: (ctx) => findSecurityView(ctx),
  },
  {
    fn: 'lib/mfa/passkeys#startPasskeyRegistration',
    kind: 'self',
    grant: { permission: 'account.self', audiences: EVERYONE },
    call: (ctx) => startPasskeyRegistration(ctx, rp),
  },
  {
    // No challenge was given: refused before anything is written.
    fn: 'lib/mfa/passkeys#finishPasskeyRegistration',
    kind: 'self',
    grant: { permission: 'account.self', audiences: EVERYONE },
    call: (ctx) => finishPasskeyRegistration(ctx, rp, { name: 'Matrix key', response: '{}' }, null),
  },
  {
    // Without a factor there are no recovery codes to renew: refused, nothing written.
    fn: 'lib/mfa/renew-recovery-codes#renewRecoveryCodes',
    kind: 'self',
    grant: { permission: 'account.self', audiences: EVERYONE },
    call: (ctx) => renewRecoveryCodes(ctx),
  },
  {
    fn: 'lib/mfa/passkeys#removePasskey',
    kind: 'id',
    grant: { permission: 'account.self', audiences: EVERYONE },
    call: (ctx, id) => removePasskey(ctx, { passkeyId: id }),
    own: () => null,
  },
  {
    fn: 'lib/mfa/reset-user-factors#resetUserFactors',
    kind: 'id',
    writes: true,
    grant: { permission: 'mfa.manage', audiences: EVERYONE },
    call: (ctx, id) => resetUserFactors(ctx, { userId: id }),
    own: (_w, ctx) => ctx.userId,
  },
  {
    fn: 'lib/mfa/start-totp-setup#startTotpSetup',
    kind: 'self',
    writes: true,
    grant: { permission: 'account.self', audiences: EVERYONE },
    call: (ctx) => startTotpSetup(ctx),
  },
  {
    // After startTotpSetup: a wrong code is Invalid (the grant holds).
    fn: 'lib/mfa/confirm-totp#confirmTotp',
    kind: 'self',
    writes: true,
    grant: { permission: 'account.self', audiences: EVERYONE },
    call: (ctx) => confirmTotp(ctx, { code: '000000' }),
  },
  {
    fn: 'lib/mfa/remove-totp#removeTotp',
    kind: 'self',
    writes: true,
    grant: { permission: 'account.self', audiences: EVERYONE },
    call: (ctx) => removeTotp(ctx),
  },
  {
    // Whether the caller's own organisation or tenant requires a factor (the Users page's setting); nothing else.
    fn: 'lib/mfa/require-mfa-scope#readRequireMfa',
    kind: 'self',
    grant: { permission: null, audiences: EVERYONE },
    call: (ctx) => readRequireMfa(ctx),
  },
  {
    // Off, so the matrix's users are not sent to enrolment. Not the vendor's:
    // its staff always need a factor, so there is no setting to change.
    fn: 'lib/mfa/set-require-mfa#setRequireMfa',
    kind: 'self',
    writes: true,
    grant: { permission: 'mfa.manage', audiences: [...PARTNERS, 'customer'] },
    call: (ctx) => setRequireMfa(ctx, { requireMfa: false }),
  },
];
