import 'server-only';
import { db } from '@/lib/db';
import { NotFound } from '@/lib/errors';

export async function userForMail(userId: string): Promise<{ id: string; email: string; locale: string | null }> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { id: true, email: true, locale: true } });
  if (!user) throw new NotFound('user');
  return user;
}
