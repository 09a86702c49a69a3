// Runs one of the portal's TypeScript scripts with plain Node: esbuild bundles
// it (the project's own files; packages stay where they are) into
// .data/run/<name>.mjs and Node imports that. `npm start` and the bench's
// servers run this way, so the serving process holds no TypeScript loader
// (tsx keeps a loader thread and every compiled script, about 95 MiB, and
// hooks every `require` Next.js makes while serving): decision 0049.
// Usage: node [node flags] scripts/run.mjs <script.ts> [its arguments]
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '..');
const entry = path.resolve(process.argv[2] ?? '');
if (!process.argv[2] || !entry.endsWith('.ts')) {
  console.error('Usage: node scripts/run.mjs <script.ts> [arguments]');
  process.exit(2);
}
// The script sees itself as the one Node was given (its "am I the main module" checks).
process.argv.splice(1, 2, entry);

// Each bundled file keeps its own location: import.meta.url, dirname and
// filename are written in as the file's own values (import.meta.resolve stays).
const ownLocation = {
  name: 'own-location',
  setup(b) {
    b.onLoad({ filter: /\.(ts|tsx|mts)$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const source = await readFile(args.path, 'utf8');
      const values = {
        url: pathToFileURL(args.path).href,
        dirname: path.dirname(args.path),
        filename: args.path,
      };
      const contents = source.replace(/\bimport\.meta\.(url|dirname|filename)\b/g, (_, key) =>
        JSON.stringify(values[key]),
      );
      return { contents, loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
    });
  },
};

// One file per process (two servers may start at once); those of ended processes are removed.
const outDir = path.join(ROOT, '.data', 'run');
mkdirSync(outDir, { recursive: true });
for (const file of readdirSync(outDir)) {
  const pid = Number(/-(\d+)\.mjs$/.exec(file)?.[1]);
  if (pid && pid !== process.pid && !alive(pid)) rmSync(path.join(outDir, file), { force: true });
}
const name = path.relative(ROOT, entry).replace(/[\\/]/g, '_').replace(/\.ts$/, '');
const outfile = path.join(outDir, `${name}-${process.pid}.mjs`);
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  tsconfig: path.join(ROOT, 'tsconfig.json'),
  plugins: [ownLocation],
  logLevel: 'warning',
});
await import(pathToFileURL(outfile).href);

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}
