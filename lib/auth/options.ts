import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { endSessions } from '@/lib/users/end-sessions';
import { clock } from '@/lib/clock';
import { readEnv } from '@/lib/env/schema';
import { waitMinutes } from '@/lib/rate-limit/limiter';
import { clientAddressFrom } from './client-address';
import { signInWithLimits, TOO_MANY_ATTEMPTS } from './sign-in';
import { sessionLimits } from './session-times';
import { decodeSessionToken, encodeSessionToken } from './session-token';
import { hasConfirmedFactor } from '@/lib/mfa/factor-status';
import { relyingParty } from '@/lib/mfa/relying-party';
import { verifySecondFactor, type SecondFactor } from '@/lib/mfa/second-factor';
import { clearPendingSignIn, readPendingSignIn, setPendingSignIn, takeChallenge } from './mfa-pending';

/** The error next-auth passes to the form when the password was right and a second factor must follow. */
const MFA_REQUIRED = 'MfaRequired';

type RequestHeaders = Record<string, string | string[] | undefined>;
const header = (h: RequestHeaders | undefined, name: string) => {
  const value = h?.[name];
  return Array.isArray(value) ? value[0] : value;
};

// next-auth with email + password. Sessions are stateless JWTs (no sticky
// routing needed); each token carries the user's session version, which
// lib/auth/session.ts compares with the database on every request, so
// signing out, changing a password or disabling a user ends all sessions.
// Idle and absolute expiry: lib/auth/session-times.ts (checked in session.ts
// and proxy.ts with the portal's clock); the token itself lives at most the
// absolute lifetime. The cookie is HttpOnly and SameSite=Lax (next-auth's
// defaults), and Secure with the __Secure- prefix when NEXTAUTH_URL is https.
export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: Math.ceil(sessionLimits().absoluteMs / 1000) },
  jwt: { encode: encodeSessionToken, decode: decodeSessionToken },
  useSecureCookies: (readEnv('NEXTAUTH_URL') ?? '').startsWith('https://'),
  pages: { signIn: '/sign-in' },
  providers: [
    CredentialsProvider({
      name: 'Email',
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      async authorize(credentials, req) {
        const result = await signInWithLimits(credentials, clientAddressFrom(req?.headers ?? {}));
        // next-auth hands a thrown error's message to the form as `error`.
        if ('blocked' in result) throw new Error(`${TOO_MANY_ATTEMPTS}:${waitMinutes(result.blocked)}`);
        if ('failed' in result) return null;
        const { user } = result;
        // A user with a factor is not signed in yet: the browser goes on to /sign-in/verify.
        if (await hasConfirmedFactor(user.id)) {
          await setPendingSignIn({ userId: user.id, sessionVersion: user.sessionVersion });
          throw new Error(MFA_REQUIRED);
        }
        return { id: user.id, email: user.email, name: user.name, sv: user.sessionVersion };
      },
    }),
    // The second step: the pending sign-in of this browser plus a code (app or
    // recovery) or a passkey's assertion.
    CredentialsProvider({
      id: 'mfa',
      name: 'Second factor',
      credentials: { code: { type: 'text' }, assertion: { type: 'text' } },
      async authorize(credentials, req) {
        const pending = await readPendingSignIn();
        if (!pending) return null;
        const headers = req?.headers as RequestHeaders | undefined;
        const factor: SecondFactor = credentials?.assertion
          ? {
              assertion: credentials.assertion,
              challenge: await takeChallenge('sign-in', pending.userId),
              rp: relyingParty(header(headers, 'host')),
            }
          : { code: credentials?.code ?? '' };
        const result = await verifySecondFactor(pending, factor, clientAddressFrom(headers ?? {}));
        if ('blocked' in result) throw new Error(`${TOO_MANY_ATTEMPTS}:${waitMinutes(result.blocked)}`);
        if ('failed' in result) return null;
        await clearPendingSignIn();
        const { user } = result;
        return { id: user.id, email: user.email, name: user.name, sv: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sv?: number }).sv ?? 0;
        token.auth = token.seen = clock.now().getTime();
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, uid: token.uid, sv: token.sv, auth: token.auth, seen: token.seen };
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.uid === 'string') await endSessions(token.uid);
    },
  },
};
