// Rule and flow ids (R…, F…) are cited in comments, refusal codes and test
// titles all over the code, and defined in one place: the headings of
// docs/rules.md. This test keeps the two together: every id cited under
// app/, lib/, components/, tests/, scripts/ or prisma/ must have its heading,
// every rule and flow must have one, and what docs/rules.md and
// docs/decisions/ name (files, functions, test titles, links) must exist.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RULES = path.join(ROOT, 'docs', 'rules.md');
const DECISIONS = path.join(ROOT, 'docs', 'decisions');

const SCANNED = ['actions', 'app', 'lib', 'components', 'tests', 'scripts', 'prisma'];
const SKIPPED = new Set(['node_modules', '.next', path.join('lib', 'generated')]);
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs|json|sql|prisma)$/;

/**
 * An id as the code cites it: R or F, then digits, standing alone. Not part
 * of a longer word, a hex colour or number (#F1F5F9, 0xF1), a path or key
 * (pc_F1, x-R2, a.F1) — "R3/R4/R1" and "F6 / R12" are citations.
 */
const CITED_ID = /(?<![\w#$.\\-])([RF])(\d{1,3})(?![\w-]|\.\d)/g;
/** A rule or flow heading of docs/rules.md: `## R5 — …`. */
const HEADING = /^#{2,3} ([RF]\d+) — \S/;

const RULE_IDS = Array.from({ length: 14 }, (_, i) => `R${i + 1}`);
const FLOW_IDS = Array.from({ length: 7 }, (_, i) => `F${i + 1}`);

type Citation = { id: string; file: string; line: number };

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (SKIPPED.has(entry.name) || SKIPPED.has(rel)) continue;
    if (entry.isDirectory()) out.push(...sourceFiles(rel));
    else if (SOURCE.test(entry.name)) out.push(rel);
  }
  return out;
}

/** Every id cited in `text`, with its line. */
function citedIds(text: string, file: string): Citation[] {
  const out: Citation[] = [];
  text.split('\n').forEach((content, index) => {
    for (const match of content.matchAll(CITED_ID)) out.push({ id: match[1]! + match[2]!, file, line: index + 1 });
  });
  return out;
}

function definedIds(lines: string[]): string[] {
  return lines.flatMap((line) => HEADING.exec(line)?.[1] ?? []);
}

const rulesLines = readFileSync(RULES, 'utf8').split('\n');
const defined = definedIds(rulesLines);
const citations = SCANNED.flatMap(sourceFiles).flatMap((file) =>
  citedIds(readFileSync(path.join(ROOT, file), 'utf8'), file),
);

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const isTestFile = (file: string) => /\.(test|spec)\.tsx?$/.test(file);
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** Repository paths in backticks: app/…, lib/…, docs/… (not globs or placeholders). */
const REPO_PATH = /^(app|lib|components|tests|scripts|prisma|docs|bench)\/[^\s*<>…]*$/;

describe('rule ids', () => {
  it('docs/rules.md has exactly one heading for each rule R1–R14 and flow F1–F7', () => {
    expect([...defined].sort()).toEqual([...RULE_IDS, ...FLOW_IDS].sort());
  });

  it('the scan finds the citations it is meant to find', () => {
    // A scanner that silently found nothing would make the next test pass vacuously.
    expect(citations.length).toBeGreaterThan(150);
    const inFile = (file: string) => citations.filter((c) => c.file === path.join(...file.split('/'))).map((c) => c.id);
    expect(inFile('lib/subscriptions/change-subscription.ts')).toEqual(
      expect.arrayContaining(['R1', 'R7', 'R8', 'R9', 'R14']),
    );
    expect(citedIds('// R3/R4/R1 and F6 / R12, (R7).', 'x')).toHaveLength(6);
    expect(citedIds("color: '#F1F5F9'; 0xF1; pc_F1; x-R2; a.F1; R2D2; 'F1F5'", 'x')).toEqual([]);
  });

  it('every rule or flow id cited in the sources has a heading in docs/rules.md', () => {
    const known = new Set(defined);
    const undefinedIds = citations.filter((c) => !known.has(c.id)).map((c) => `${c.file}:${c.line} cites ${c.id}`);
    expect(
      undefinedIds,
      `these ids have no "## <id> — …" heading in docs/rules.md (define them there, or cite an id that exists):\n${undefinedIds.join('\n')}`,
    ).toEqual([]);
  });

  it('the files, functions and test titles docs/rules.md names exist', () => {
    const missing: string[] = [];
    rulesLines.forEach((line, index) => {
      const bullet = /^- `([^`]+)`(.*)$/.exec(line);
      if (!bullet || !REPO_PATH.test(bullet[1]!)) return;
      const [, file, rest] = bullet as unknown as [string, string, string];
      const where = `docs/rules.md:${index + 1}`;
      if (!existsSync(path.join(ROOT, file))) return void missing.push(`${where}: ${file} does not exist`);
      const text = read(file);
      // `name`s before the first ": " are functions, constants or components the file defines or uses.
      const names = rest.split(': ')[0]!.matchAll(/`([^`]+)`/g);
      for (const [, name] of names)
        if (IDENTIFIER.test(name!) && !new RegExp(`(?<![\\w$])${name!.replace(/\$/g, '\\$')}(?![\\w$])`).test(text))
          missing.push(`${where}: ${file} has no ${name}`);
      // "Titles" on a test file's line are the titles of its tests.
      if (isTestFile(file))
        for (const [, title] of rest.matchAll(/"([^"]+)"/g))
          if (!text.includes(title!)) missing.push(`${where}: ${file} has no test titled "${title}"`);
    });
    expect(missing, missing.join('\n')).toEqual([]);
  });

  it('the paths and links in docs/rules.md and docs/decisions/ exist', () => {
    const docs = [
      'docs/rules.md',
      ...readdirSync(DECISIONS)
        .filter((f) => f.endsWith('.md'))
        .map((f) => `docs/decisions/${f}`),
    ];
    const missing: string[] = [];
    for (const doc of docs) {
      const text = read(doc);
      for (const [, candidate] of text.matchAll(/`([^`\s]+)`/g))
        if (REPO_PATH.test(candidate!) && !existsSync(path.join(ROOT, candidate!)))
          missing.push(`${doc}: \`${candidate}\` does not exist`);
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(target!) || target!.startsWith('#')) continue;
        const file = target!.split('#')[0]!;
        if (!existsSync(path.join(ROOT, path.dirname(doc), file))) missing.push(`${doc}: link to ${target} is broken`);
      }
    }
    expect(missing, missing.join('\n')).toEqual([]);
  });
});
