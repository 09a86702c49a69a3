// The scale-out test's checks: each printed as it is made, all kept for the closing line.
export const results: string[] = [];
let anyFailed = false;

export function check(ok: boolean, what: string): boolean {
  const line = `${ok ? 'ok  ' : 'FAIL'} ${what}`;
  results.push(line);
  console.log(line);
  if (!ok) anyFailed = true;
  return ok;
}

/** Whether a check failed so far. */
export const failed = () => anyFailed;
