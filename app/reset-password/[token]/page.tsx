import { PasswordLinkPage } from '@/components/users/password-link-page';
import { resetPasswordAction } from '@/actions/users';

/** The link **Forgot password?** mailed: a new password, once, within 30 minutes. */
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <PasswordLinkPage token={token} purpose="PASSWORD_RESET" action={resetPasswordAction} />;
}
