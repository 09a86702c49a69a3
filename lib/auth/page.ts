import 'server-only';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import type { Ctx } from '@/lib/authz/context';
import { NotFound, Refused } from '@/lib/errors';
import { getCtx } from './session';
import { safeCallbackUrl } from './callback-url';

/**
 * For pages: the signed-in context, or a redirect to sign-in (coming back
 * to `path` afterwards), or to the forced password change.
 */
export async function requirePageCtx(path: string): Promise<Ctx> {
  const ctx = await getCtx();
  if (!ctx) {
    // Layouts do not know the page's path; proxy.ts passes the one asked for.
    const asked = (await headers()).get('x-pc-path') ?? path;
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(safeCallbackUrl(asked))}`);
  }
  if (ctx.mustChangePassword) redirect('/change-password');
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
