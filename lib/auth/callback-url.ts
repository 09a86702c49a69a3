const BASE = 'http://portal.invalid';

/**
 * Only same-site paths are followed after sign-in (no open redirect). The
 * value is resolved the way the browser will resolve it (tabs and line
 * breaks dropped, backslashes read as slashes), and only a path on this
 * site, in that resolved form, is kept.
 */
export function safeCallbackUrl(value: string | undefined | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  try {
    const url = new URL(value, BASE);
    if (url.origin !== BASE) return '/';
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return '/';
  }
}
