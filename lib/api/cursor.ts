// Opaque cursors of the Partner API's lists: the domain's own keyset cursor
// (a customer id, `<ms>.<id>`…) wrapped so callers cannot build or read one.
// A cursor that is not one of ours is simply no cursor.

const PREFIX = 'c1.';

export function encodeCursor(domainCursor: string): string {
  return PREFIX + Buffer.from(domainCursor).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (!cursor?.startsWith(PREFIX) || cursor.length > 300) return undefined;
  const decoded = Buffer.from(cursor.slice(PREFIX.length), 'base64url').toString();
  return /^[^\u0000-\u001f\u007f\ufffd]{1,300}$/u.test(decoded) ? decoded : undefined;
}
