// The route, action and read inventory, found by walking the source: every
// page.tsx and route.ts under app/ (with the domain functions it loads its
// data with), every export of every 'use server' file (actions/, with the
// domain functions it calls), and every component that reads (components/,
// with the domain functions it calls). Nothing here is listed by hand, so a
// new page, action or read shows up by itself, wherever it is called from.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const APP = join(ROOT, 'app');
const SOURCES = ['app', 'actions', 'components'].map((dir) => join(ROOT, dir));

/** lib modules that are not domain functions (session, policy, formatting, constants, settings). */
const NOT_DOMAIN = [
  /^@\/lib\/(auth|authz|i18n|http|env|pipeline|validation)\//,
  /^@\/lib\/(errors|format|env|actions|clock|db|tokens)$/,
  /^@\/lib\/offers\/money$/,
  /^@\/lib\/api-apps\/scopes$/,
  /^@\/lib\/users\/roles$/,
  // The Partner API's machinery; its operations are followed to their domain calls (apiOperationCalls).
  /^@\/lib\/api\//,
  /^@\/lib\/reports\/csv$/,
  /\/schemas$/,
];

export type Entry = {
  /**
   * 'page' (page.tsx), 'route' (route.ts), 'action' (an export of a
   * 'use server' file) or 'component' (one that reads).
   */
  kind: 'page' | 'route' | 'action' | 'component';
  /** URL path for pages and routes (route groups dropped), file#export for actions, the file for components. */
  name: string;
  file: string;
  /** Domain functions (lib/<area>/<file>#name) this entry calls. */
  domain: string[];
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Named imports from @/lib modules that are domain functions: local name → lib/<module>#name. */
function domainImports(source: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of source.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s+from\s+'(@\/lib\/[^']+)'/g)) {
    const [, isType, names = '', module = ''] = m;
    if (isType || NOT_DOMAIN.some((re) => re.test(module))) continue;
    for (const part of names.split(',')) {
      const spec = part.trim();
      if (!spec || spec.startsWith('type ')) continue;
      const [imported = '', local = imported] = spec.split(/\s+as\s+/).map((s) => s.trim());
      if (/^[A-Z0-9_]+$/.test(imported)) continue; // a constant, not a function
      out.set(local, `${module.slice(2)}#${imported}`);
    }
  }
  return out;
}

const used = (text: string, name: string) => new RegExp(`\\b${name}\\b`).test(text);

function urlOf(file: string): string {
  const parts = relative(APP, file)
    .split(sep)
    .slice(0, -1)
    .filter((p) => !/^\(.*\)$/.test(p));
  return `/${parts.join('/')}`;
}

/** Top-level declarations of a module: name → its text (up to the next top-level declaration). */
function declarations(source: string): { name: string; exported: boolean; text: string }[] {
  const re = /^(export\s+)?(?:async\s+)?(?:const|function|let)\s+(\w+)/gm;
  const hits = [...source.matchAll(re)];
  return hits.map((m, i) => ({
    name: m[2] ?? '',
    exported: Boolean(m[1]),
    text: source.slice(m.index, hits[i + 1]?.index ?? source.length),
  }));
}

/**
 * The domain functions a Partner API route's operations call: each
 * `<name>Api.<key>` it uses is read in lib/api/<module>.ts (the operation's
 * own text and the module's helpers it uses), as an action's are.
 */
function apiOperationCalls(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/import\s+\{([^}]*)\}\s+from\s+'@\/lib\/api\/([\w-]+)'/g)) {
    const api = readFileSync(join(ROOT, 'lib', 'api', `${m[2]}.ts`), 'utf8');
    const imports = domainImports(api);
    const helpers = declarations(api).filter((d) => !d.exported);
    for (const name of (m[1] ?? '')
      .split(',')
      .map((n) => n.trim())
      .filter((n) => /Api$/.test(n))) {
      for (const use of source.matchAll(new RegExp(`\\b${name}\\.(\\w+)`, 'g'))) {
        const start = api.search(new RegExp(`^  ${use[1]}: `, 'm'));
        if (start < 0) throw new Error(`lib/api/${m[2]}.ts has no operation ${use[1]}`);
        const rest = api.slice(start + 1);
        const end = rest.search(/^  \w+: |^\};/m);
        const text = rest.slice(0, end < 0 ? undefined : end);
        const texts = [text, ...helpers.filter((h) => used(text, h.name)).map((h) => h.text)];
        out.push(...[...imports].filter(([local]) => texts.some((t) => used(t, local))).map(([, id]) => id));
      }
    }
  }
  return [...new Set(out)];
}

export function inventory(): Entry[] {
  const entries: Entry[] = [];
  for (const file of SOURCES.flatMap(walk).sort()) {
    const base = file.split(sep).at(-1)!;
    if (!/\.(ts|tsx)$/.test(base)) continue;
    const source = readFileSync(file, 'utf8');
    const imports = domainImports(source);
    const rel = relative(ROOT, file);
    const body = source.replace(/^import .*$/gm, '');
    const calls = () => [...imports].filter(([local]) => used(body, local)).map(([, id]) => id);
    if (file.startsWith(APP + sep) && (base === 'page.tsx' || base === 'route.ts')) {
      const domain = [...new Set([...calls(), ...apiOperationCalls(source)])];
      entries.push({ kind: base === 'page.tsx' ? 'page' : 'route', name: urlOf(file), file: rel, domain });
    } else if (rel.startsWith(`components${sep}`) && calls().length > 0) {
      entries.push({ kind: 'component', name: rel, file: rel, domain: calls() });
    }
    if (/^\s*['"]use server['"]/.test(source)) {
      const decls = declarations(source);
      for (const decl of decls.filter((d) => d.exported)) {
        if (/^export\s+type\b/.test(decl.text)) continue;
        // The export's own text plus the local helpers it uses (e.g. `const save = defineAction(...)`).
        const texts = [
          decl.text,
          ...decls.filter((d) => !d.exported && d.name !== decl.name && used(decl.text, d.name)).map((d) => d.text),
        ];
        const domain = [...imports].filter(([local]) => texts.some((t) => used(t, local))).map(([, id]) => id);
        entries.push({ kind: 'action', name: `${rel}#${decl.name}`, file: rel, domain: [...new Set(domain)] });
      }
    }
  }
  return entries;
}
