// `npm start`'s command as package.json gives it, for the tests and the bench
// that start the portal: they start it exactly as a newcomer's terminal does
// (Node's flags, the script runner), without npm in between.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Node's arguments of `npm start`, e.g. `['--max-old-space-size=384', …, 'scripts/run.mjs', 'scripts/start.ts']`. */
export function npmStartArgs(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const [command, ...args] = pkg.scripts.start.trim().split(/\s+/);
  if (command !== 'node' || args.at(-1) !== 'scripts/start.ts')
    throw new Error(`npm start is not "node … scripts/start.ts": ${pkg.scripts.start}`);
  return args;
}
