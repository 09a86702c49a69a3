import 'server-only';
import { readEnv } from '@/lib/env/schema';
import { Invalid } from '@/lib/errors';
import { resolveEndpoint, UnsafeEndpoint, type Resolver } from './ssrf';

/** Registration's SSRF check (ssrf.ts): a refused URL is a message on the URL field. */
export async function assertSafeEndpointUrl(raw: string, resolve?: Resolver): Promise<void> {
  try {
    await resolveEndpoint(new URL(raw), { allowPrivate: readEnv('WEBHOOK_ALLOW_PRIVATE'), resolve });
  } catch (error) {
    if (error instanceof UnsafeEndpoint) throw new Invalid({ url: [error.messageKey] });
    throw error;
  }
}
