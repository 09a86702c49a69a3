/**
 * Whether `to` can be reached from `from` along upgrade edges. An offer may
 * target T only if T cannot already reach it: otherwise upgrades would cycle
 * (Basic → Standard → Basic), and "no downgrades" (R7) would mean nothing.
 */
export function canReach(edges: ReadonlyMap<string, readonly string[]>, from: string, to: string): boolean {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length) {
    const id = stack.pop()!;
    if (id === to) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(edges.get(id) ?? []));
  }
  return false;
}
