// The scale-out test's HTTP client: fetch with a cookie jar, next-auth's
// credentials sign-in as a script does it, and what a signed-in list looks like.

export type Jar = Map<string, string>;
export type Answer = { status: number; body: string; servedBy: string | null; location: string | null };

export const cookieHeader = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

export async function http(
  port: number,
  pathname: string,
  jar: Jar,
  init: { method?: string; form?: Record<string, string>; cookie?: string } = {},
): Promise<Answer> {
  const res = await fetch(`http://127.0.0.1:${port}${pathname}`, {
    method: init.method ?? 'GET',
    redirect: 'manual',
    signal: AbortSignal.timeout(60_000),
    headers: {
      cookie: init.cookie ?? cookieHeader(jar),
      ...(init.form && { 'content-type': 'application/x-www-form-urlencoded' }),
    },
    body: init.form ? new URLSearchParams(init.form).toString() : undefined,
  });
  if (init.cookie === undefined) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  }
  return {
    status: res.status,
    body: await res.text(),
    servedBy: res.headers.get('x-served-by'),
    location: res.headers.get('location'),
  };
}

/**
 * next-auth's credentials flow as a script does it: CSRF token, then the
 * callback (json: the answer names the error).
 */
export async function signIn(
  csrfPort: number,
  callbackPort: number,
  email: string,
  password: string,
  jar: Jar = new Map(),
) {
  const csrf = await http(csrfPort, '/api/auth/csrf', jar);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const answer = await http(callbackPort, '/api/auth/callback/credentials', jar, {
    method: 'POST',
    form: { csrfToken, email, password, json: 'true' },
  });
  let error: string | null = null;
  try {
    const url = (JSON.parse(answer.body) as { url?: string }).url;
    error = url ? new URL(url).searchParams.get('error') : null;
  } catch {
    error = `unreadable answer (${answer.status})`;
  }
  const signedIn = [...jar.keys()].some((k) => k.endsWith('session-token')) && !error;
  return { jar, signedIn, error, csrfBy: csrf.servedBy, callbackBy: answer.servedBy, status: answer.status };
}

export const SIGNED_IN_LIST = 'Woodgrove Bank';
export const showsList = (a: Answer) => a.status === 200 && a.body.includes(SIGNED_IN_LIST);
export const sentToSignIn = (a: Answer) =>
  a.status >= 300 && a.status < 400 && /\/sign-in/.test(a.location ?? '') && !a.body.includes(SIGNED_IN_LIST);
