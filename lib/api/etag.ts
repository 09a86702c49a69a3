// ETags of the Partner API: a resource's version (a subscription's version
// number, a customer's last change) as an opaque strong entity tag. Every
// GET answers one; every PATCH must send it back in If-Match (RFC 9110
// §13.1.1): missing → 428, stale → 412.

/** The entity tag of a version. */
export function etagOf(version: string | number): string {
  return `"${Buffer.from(String(version)).toString('base64url')}"`;
}

/**
 * The version an If-Match header names: the first strong tag of the list
 * (`*` and weak tags name no version: a PATCH needs the exact one).
 * Undefined when the header is missing, null when it names no version.
 */
export function versionFromIfMatch(header: string | null): string | null | undefined {
  if (header === null) return undefined;
  const match = /^\s*"([A-Za-z0-9_-]{1,200})"/.exec(header);
  return match ? Buffer.from(match[1]!, 'base64url').toString() : null;
}
