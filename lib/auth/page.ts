import 'server-only';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import type { Ctx } from '@/lib/authz/context';
import { NotFound, Refused } from '@/lib/errors';
import { getCtx } from './session';
import { countInvalidToken, tokenLinksRefused } from '@/lib/rate-limit/token-links';
import { safeCallbackUrl } from './callback-url';

/**
 * For pages: the signed-in context, or a redirect to sign-in (coming back
 * to `path` afterwards), or to the forced password change, or to enrolling
 * a second factor when the organisation requires one and the user has none.
 */
export async function requirePageCtx(path: string): Promise<Ctx> {
  const ctx = await getCtx();
  if (!ctx) {
    // Layouts do not know the page's path; proxy.ts (or the portal's server) passes the one asked for.
    const asked = (await headers()).get('x-pc-path') ?? path;
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(safeCallbackUrl(asked))}`);
  }
  if (ctx.mustChangePassword) redirect('/change-password');
  if (ctx.mustEnrolMfa) redirect('/security');
  return ctx;
}

/** Runs a domain read; out-of-reach and refused reads become a 404 page. */
export async function loadOr404<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof NotFound || error instanceof Refused) notFound();
    throw error;
  }
}

/**
 * The start of each page a mailed link opens (partnership invitations,
 * relationship requests): anyone may open it, signed in or not, but a forced
 * password change comes first, an address that sent too many unknown tokens
 * is refused for a while (`refusedMinutes`), and an unknown token is counted.
 */
export async function openTokenLink<V extends { status: string }>(
  read: (ctx: Ctx | null) => Promise<V>,
): Promise<{ ctx: Ctx | null; refusedMinutes: number } | { ctx: Ctx | null; refusedMinutes: null; view: V }> {
  const ctx = await getCtx();
  if (ctx?.mustChangePassword) redirect('/change-password');
  if (ctx?.mustEnrolMfa) redirect('/security');
  const refusedMinutes = await tokenLinksRefused();
  if (refusedMinutes !== null) return { ctx, refusedMinutes };
  const view = await read(ctx);
  if (view.status === 'invalid') await countInvalidToken();
  return { ctx, refusedMinutes: null, view };
}
