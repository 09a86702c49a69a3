// Checks server logs for secrets (passwords, temporary passwords, link
// tokens, session cookies, password hashes: a log line must never carry one;
// logs are read by more people than the database, and kept longer) and for
// server errors (Next's `⨯` lines, unhandled rejections, uncaught exceptions).
//
//   node --import tsx scripts/check-logs.ts <log file>… [--secret <value>]…
//
// Exits 1 and prints where (file:line, the secret redacted; an error with the
// lines after it) when it finds one. Known values (e.g. the demo password, a token a test created) are
// passed with --secret; shapes (JWTs, session cookies, argon2 hashes,
// invitation and relationship links with their token) are found without.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export type Finding = { line: number; kind: string; excerpt: string };

const SHAPES: { kind: string; pattern: RegExp }[] = [
  // next-auth session cookie (JWE: five base64url parts) or any JWT.
  { kind: 'session cookie', pattern: /(?:__Secure-|__Host-)?next-auth\.session-token=[^;\s]+/i },
  { kind: 'JWT', pattern: /\beyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]*(?:\.[\w-]+){0,2}/ },
  { kind: 'password hash', pattern: /\$argon2(?:id|i|d)\$[^\s"']+/ },
  // Link tokens: the path segment after the link page.
  { kind: 'partnership link token', pattern: /\/partnership-invitations\/[\w-]{16,}/ },
  { kind: 'relationship link token', pattern: /\/relationship-requests\/[\w-]{16,}/ },
  // "password": "…", password=…, temporaryPassword: '…' (not an empty or redacted value).
  {
    kind: 'password field',
    pattern: new RegExp(
      String.raw`\b(?:temporary)?pass(?:word|wd)\b["']?\s*[:=]\s*["']?` +
        String.raw`(?!\*|\[redacted|""|''|null|undefined|true|false)[^\s"',;}]{4,}`,
      'i',
    ),
  },
  { kind: 'authorization header', pattern: /\bauthorization\s*[:=]\s*["']?(?:bearer|basic)\s+\S+/i },
];

function redact(text: string, secret: string): string {
  return text.split(secret).join(`[${secret.length} chars]`);
}

/** Every secret in `text`: the known values, and the shapes above. */
export function scanForSecrets(text: string, knownSecrets: string[] = []): Finding[] {
  const secrets = knownSecrets.filter((s) => s.length >= 6);
  const findings: Finding[] = [];
  text.split('\n').forEach((line, i) => {
    for (const secret of secrets) {
      if (line.includes(secret))
        findings.push({ line: i + 1, kind: 'known secret', excerpt: redact(line, secret).slice(0, 200) });
    }
    for (const { kind, pattern } of SHAPES) {
      const match = pattern.exec(line);
      if (match) findings.push({ line: i + 1, kind, excerpt: redact(line, match[0]).slice(0, 200) });
    }
  });
  return findings;
}

// ANSI colour codes, which Next writes around its `⨯` marks.
const ANSI = /\x1b\[[0-9;]*m/g;

/**
 * Next's refusal of a cross-site server action: it writes the reason
 * ("… does not match `origin` header … Aborting the action.") and then a `⨯`
 * line, and answers without running the action. The adversarial specs send
 * such requests on purpose; it is the portal refusing hostile input, not a
 * failure.
 */
const REFUSED_CROSS_SITE_ACTION = /Aborting the action\.$/;

/**
 * Lines that mean the server failed: Next's `⨯` error lines, unhandled
 * rejections and uncaught exceptions (with the lines that follow them, up to
 * 8, to show what failed). Any of them in an end-to-end run fails `npm test`.
 */
export function scanForServerErrors(text: string): Finding[] {
  const lines = text.split('\n').map((line) => line.replace(ANSI, ''));
  const findings: Finding[] = [];
  lines.forEach((line, i) => {
    if (!/⨯|unhandled ?rejection|uncaught ?exception/i.test(line)) return;
    if (
      /^\s*⨯ Error: Invalid Server Actions request\.$/.test(line) &&
      REFUSED_CROSS_SITE_ACTION.test(lines[i - 1] ?? '')
    )
      return;
    findings.push({
      line: i + 1,
      kind: 'server error',
      excerpt: lines
        .slice(i, i + 8)
        .join('\n')
        .slice(0, 1200),
    });
  });
  return findings;
}

function main(argv: string[]): number {
  const files: string[] = [];
  const secrets: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--secret') secrets.push(argv[++i] ?? '');
    else files.push(argv[i]!);
  }
  if (!files.length) {
    console.error('Usage: node --import tsx scripts/check-logs.ts <log file>… [--secret <value>]…');
    return 2;
  }
  let found = 0;
  let errors = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const f of scanForSecrets(text, secrets)) {
      found++;
      console.error(`${file}:${f.line}: ${f.kind}: ${f.excerpt}`);
    }
    for (const f of scanForServerErrors(text)) {
      errors++;
      console.error(`${file}:${f.line}: ${f.kind}:\n${f.excerpt}\n`);
    }
  }
  console.log(found ? `${found} secret(s) found in the logs.` : `No secrets in ${files.length} log file(s).`);
  console.log(errors ? `${errors} server error(s) in the logs.` : `No server errors in ${files.length} log file(s).`);
  return found || errors ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  process.exitCode = main(process.argv.slice(2));
