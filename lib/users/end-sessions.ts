import 'server-only';
import { db } from '@/lib/db';

/** Ends every session of a user: tokens carry the old version and stop working. */
export async function endSessions(userId: string): Promise<void> {
  await db().user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
