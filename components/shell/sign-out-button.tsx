import { signOutAction } from '@/actions/account';

/** A form, not a script: it works before (and without) the page's JavaScript. */
export function SignOutButton({ label }: { label: string }) {
  return (
    <form action={signOutAction}>
      <button type="submit" className="rounded px-2 py-1 text-sm hover:bg-white/10">
        {label}
      </button>
    </form>
  );
}
