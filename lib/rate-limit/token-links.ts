import 'server-only';
import { requestClientAddress } from '@/lib/auth/client-address';
import { limiters, waitMinutes } from './limiter';

// Partnership and relationship links: guessing tokens from one address is
// refused after 10 unknown or invalid tokens in 15 minutes (valid links
// do not count). Pages call `tokenLinksRefused` before the lookup and
// `countInvalidToken` when the token was not found.

/** The minutes to wait, or null when this address may open links. */
export async function tokenLinksRefused(): Promise<number | null> {
  const blocked = await limiters.tokenAddress.check(await requestClientAddress());
  return blocked ? waitMinutes(blocked) : null;
}

export async function countInvalidToken(): Promise<void> {
  await limiters.tokenAddress.hit(await requestClientAddress());
}
