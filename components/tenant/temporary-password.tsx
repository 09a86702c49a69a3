/** A temporary password shown once, in a box of its own that is easy to copy. */
export function TemporaryPassword({ message, password }: { message: string; password: string }) {
  return (
    <div role="status" className="max-w-2xl rounded border border-amber-300 bg-amber-50 p-3 text-sm">
      <p>{message}</p>
      <p className="mt-2 font-mono text-base select-all" data-temporary-password>
        {password}
      </p>
    </div>
  );
}
