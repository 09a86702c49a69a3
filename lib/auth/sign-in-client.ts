// Signs in with email and password from the browser through next-auth's own
// endpoints (/api/auth/csrf, then the credentials callback), as
// `signIn('credentials', { redirect: false })` of next-auth/react does, without
// sending that library (and its session context) to the browser.

export type SignInResult = { ok: boolean; error: string | null };

export function signInWithCredentials(credentials: { email: string; password: string }): Promise<SignInResult> {
  return signInWith('credentials', credentials);
}

/**
 * The second step (provider `mfa`): a code, or a passkey's assertion as JSON,
 * for the pending sign-in this browser holds after the password.
 */
export function signInWithSecondFactor(factor: { code: string } | { assertion: string }): Promise<SignInResult> {
  return signInWith('mfa', factor);
}

async function signInWith(provider: 'credentials' | 'mfa', fields: Record<string, string>): Promise<SignInResult> {
  const csrf = (await (await fetch('/api/auth/csrf', { cache: 'no-store' })).json()) as { csrfToken?: string };
  const response = await fetch(`/api/auth/callback/${provider}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Auth-Return-Redirect': '1' },
    body: new URLSearchParams({
      ...fields,
      csrfToken: csrf.csrfToken ?? '',
      callbackUrl: window.location.href,
      json: 'true',
    }),
  });
  const data = (await response.json().catch(() => ({}))) as { url?: string };
  // next-auth answers a refused sign-in with a URL carrying `?error=…`.
  const error = data.url ? new URL(data.url, window.location.href).searchParams.get('error') : 'CredentialsSignin';
  return { ok: response.ok && !error, error: response.ok ? error : (error ?? 'CredentialsSignin') };
}
