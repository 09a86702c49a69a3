import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { entriesOf, measureRouteJs, routeOf } from './js-size';

describe('JavaScript per route from the build', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'js-size-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const entries: Record<string, string[]> = {
    'main-app': ['static/chunks/webpack.js', 'static/chunks/main-app.js'],
    'app/layout': ['static/chunks/app/layout.js'],
    'app/error': ['static/chunks/app/error.js'],
    'app/(portal)/layout': ['static/chunks/app/(portal)/layout.js'],
    'app/(portal)/customers/new/page': ['static/chunks/shared.js', 'static/chunks/app/(portal)/customers/new/page.js'],
    'app/(portal)/audit-log/page': ['static/chunks/app/(portal)/audit-log/page.js'],
    'app/(portal)/audit-log/export/route': ['static/chunks/route.js'],
    'app/_not-found/page': ['static/chunks/not-found.js'],
  };

  it('names routes without route groups', () => {
    expect(routeOf('app/(portal)/customers/[customerId]/page')).toBe('/customers/[customerId]');
    expect(routeOf('app/(portal)/page')).toBe('/');
  });

  it("takes the root's files, each segment's boundaries and the page, and nothing of other pages", () => {
    expect(entriesOf('app/(portal)/customers/new/page', entries)).toEqual([
      'main-app',
      'app/layout',
      'app/error',
      'app/(portal)/layout',
      'app/(portal)/customers/new/page',
    ]);
  });

  it('adds up each file once per route, app pages only', () => {
    const files = new Set(Object.values(entries).flat());
    for (const file of files) {
      mkdirSync(path.dirname(path.join(root, '.next', file)), { recursive: true });
      writeFileSync(path.join(root, '.next', file), `console.log(${JSON.stringify(file)});`.repeat(20));
    }
    writeFileSync(path.join(root, '.next', 'client-entries.json'), JSON.stringify(entries));
    const routes = measureRouteJs(root);
    expect(routes.map((r) => [r.route, r.files])).toEqual([
      ['/audit-log', 6],
      ['/customers/new', 7],
    ]);
    const raw = (list: string[]) => list.reduce((sum, f) => sum + `console.log(${JSON.stringify(f)});`.length * 20, 0);
    const newCustomer = routes.find((r) => r.route === '/customers/new')!;
    expect(newCustomer.rawBytes).toBe(
      raw(entriesOf('app/(portal)/customers/new/page', entries).flatMap((e) => entries[e]!)),
    );
    expect(newCustomer.brotliBytes).toBeGreaterThan(0);
    expect(newCustomer.brotliBytes).toBeLessThan(newCustomer.rawBytes);
  });
});
