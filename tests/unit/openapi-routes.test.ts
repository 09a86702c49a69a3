// The OpenAPI document and the API's route files describe the same API: a
// route the document does not describe, or an operation no route serves,
// fails here. Then the document passes Redocly's lint (recommended rules)
// with no errors.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '@/lib/api/openapi';

const routes = import.meta.glob<Record<string, unknown>>('/app/api/v1/**/route.ts', { eager: true });
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** `/app/api/v1/customers/[customerId]/route.ts` → `/customers/{customerId}`. */
function pathOf(file: string): string {
  const dir = file.replace(/^\/app\/api\/v1/, '').replace(/\/route\.ts$/, '');
  return dir.replace(/\[([^\]]+)\]/g, '{$1}') || '/';
}

describe('the OpenAPI document', () => {
  it('describes every route of /api/v1, and nothing else', () => {
    const served = Object.entries(routes)
      .flatMap(([file, exports]) =>
        METHODS.filter((m) => typeof exports[m] === 'function').map((m) => `${m} ${pathOf(file)}`),
      )
      .sort();
    const documented = Object.entries(openApiDocument().paths as Record<string, Record<string, unknown>>)
      .flatMap(([p, operations]) => Object.keys(operations).map((m) => `${m.toUpperCase()} ${p}`))
      .sort();
    expect(served.length).toBeGreaterThan(5);
    expect(served).toEqual(documented);
  });

  it('passes redocly lint with the recommended rules, no errors', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'openapi-'));
    const file = path.join(dir, 'openapi.json');
    try {
      await writeFile(file, JSON.stringify(openApiDocument(), null, 2));
      const { stdout, stderr } = await promisify(execFile)(
        process.execPath,
        [path.resolve('node_modules/@redocly/cli/bin/cli.js'), 'lint', file, '--extends=recommended', '--format=json'],
        { env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
      ).catch((error: { stdout: string; stderr: string }) => error);
      const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as {
        totals: { errors: number };
        problems: { ruleId: string; message: string; severity: string }[];
      };
      const errors = report.problems.filter((p) => p.severity === 'error');
      expect(errors, stderr).toEqual([]);
      expect(report.totals.errors).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
