// Matrix cases of the signed-in user's own session and language.
import { setLocale } from '@/lib/users/set-locale';
import { endSessions } from '@/lib/users/end-sessions';
import { type Case, PARTNERS } from './cases-kit';

export const USER_CASES: Case[] = [
  {
    fn: 'lib/users/end-sessions#endSessions',
    kind: 'self',
    writes: true,
    grant: { permission: null, audiences: ['vendor', 'provider', 'reseller', 'customer'] },
    call: (ctx) => endSessions(ctx.userId),
  },
  {
    fn: 'lib/users/set-locale#setLocale',
    kind: 'self',
    writes: true,
    grant: { permission: null, audiences: ['vendor', ...PARTNERS, 'customer'] },
    call: (ctx) => setLocale(ctx, { locale: 'en' }),
  },
];
