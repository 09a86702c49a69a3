import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { verifyCredentials } from '@/lib/users/verify-credentials';
import { endSessions } from '@/lib/users/end-sessions';

// next-auth with email + password. Sessions are stateless JWTs (no sticky
// routing needed); each token carries the user's session version, which
// lib/auth/session.ts compares with the database on every request, so
// signing out, changing a password or disabling a user ends all sessions.
export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: 8 * 60 * 60, updateAge: 15 * 60 },
  pages: { signIn: '/sign-in' },
  providers: [
    CredentialsProvider({
      name: 'Email',
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      async authorize(credentials) {
        const user = await verifyCredentials(credentials);
        return user ? { id: user.id, email: user.email, name: user.name, sv: user.sessionVersion } : null;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sv?: number }).sv ?? 0;
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, uid: token.uid, sv: token.sv };
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.uid === 'string') await endSessions(token.uid);
    },
  },
};
