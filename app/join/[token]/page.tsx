import { PasswordLinkPage } from '@/components/users/password-link-page';
import { joinAction } from '@/actions/users';

/** The invitation link an admin's **Add user** mailed: the first password, then signed in. */
export default async function JoinPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <PasswordLinkPage token={token} purpose="INVITATION" action={joinAction} />;
}
