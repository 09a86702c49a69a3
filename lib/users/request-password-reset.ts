import 'server-only';
import { db } from '@/lib/db';
import { enqueueMail } from '@/lib/email/enqueue';
import { limiters } from '@/lib/rate-limit/limiter';
import { forgotPasswordInput } from './schemas';
import { PASSWORD_RESET_MINUTES, issueUserToken, userLink } from './user-tokens';

/**
 * **Forgot password?**: mails a one-time link (PASSWORD_RESET_MINUTES) to
 * an enabled user who has joined. Answers nothing either way: the caller
 * shows one message whether or not the email exists (and runs this after
 * its answer, so the timing tells nothing either). At most 3 links per
 * email in 15 minutes; more are silently not sent.
 */
export async function requestPasswordReset(raw: { email: string; baseUrl: string }): Promise<void> {
  const parsed = forgotPasswordInput.safeParse(raw);
  if (!parsed.success) return;
  const { email } = parsed.data;
  if (await limiters.passwordResetAccount.consume(email)) return;
  const user = await db().user.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      name: true,
      locale: true,
      disabled: true,
      invitationPending: true,
      removedAt: true,
    },
  });
  if (!user || user.disabled || user.invitationPending || user.removedAt) return;
  await db().$transaction(async (tx) => {
    const token = await issueUserToken(tx, user.id, 'PASSWORD_RESET');
    await enqueueMail(tx, {
      kind: 'password-reset',
      to: user.email,
      locale: user.locale,
      values: {
        name: user.name,
        url: userLink(raw.baseUrl, 'PASSWORD_RESET', token),
        minutes: String(PASSWORD_RESET_MINUTES),
      },
    });
  });
}
