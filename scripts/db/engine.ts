// Prisma's schema engine in WebAssembly, over a JS driver adapter: offline
// the CLI cannot download its native engine, so `prisma migrate` is unusable
// (/work/shared/STACK.md). The WASM engine applies and diffs migrations and
// fills `_prisma_migrations` like the CLI, so `prisma migrate deploy` stays valid.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { SchemaEngine, SchemaFilter } from '@prisma/schema-engine-wasm';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { readEnv } from '../../lib/env/schema';

type Bindings = typeof import('@prisma/schema-engine-wasm/schema_engine_bg');
export type { SchemaEngine };

/** `[path, content]` pairs, as the engine wants its datamodels. */
export type Datamodels = [string, string][];

/** Repository root and the single Prisma schema file. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SCHEMA_PATH = 'prisma/schema.prisma';

/** The schema as datamodels. The engine panics when given none at all. */
export async function readDatamodels(): Promise<Datamodels> {
  return [[SCHEMA_PATH, await readFile(new URL(`../../${SCHEMA_PATH}`, import.meta.url), 'utf8')]];
}

/** Every command takes a filter; we manage all tables and enums. */
export const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

// The engine reports Rust panics through this global before trapping. Without
// it a panic surfaces as an unrelated "cannot read set_message" TypeError.
type PanicRegistry = { set_message(message: string): void };
const g = globalThis as typeof globalThis & {
  PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry;
  __pcSchemaEngineWasm?: Promise<Bindings>;
};
let lastPanic: string | undefined;

/** Message of the last engine panic, to make "unreachable" traps readable. */
export function lastEnginePanic(): string | undefined {
  return lastPanic;
}

function resolveBindings(): string {
  const spec = '@prisma/schema-engine-wasm/schema_engine_bg';
  try {
    return import.meta.resolve(spec);
  } catch {
    // vitest's module runner throws "import.meta.resolve is not supported";
    // the package's "require" export points to the same file.
    return pathToFileURL(createRequire(import.meta.url).resolve(spec)).href;
  }
}

async function instantiate(): Promise<Bindings> {
  g.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (m) => void (lastPanic = m) };
  const jsUrl = resolveBindings();
  const bindings = (await import(jsUrl)) as Bindings;
  const bytes = await readFile(new URL('./schema_engine_bg.wasm', jsUrl));
  // The package's ESM entry does `import * as wasm from './x.wasm'`, which
  // Node cannot load; do the same wiring by hand.
  const imports: WebAssembly.ModuleImports = { ...(bindings as unknown as WebAssembly.ModuleImports) };
  // The engine arms timeouts (e.g. 10 s for the migration advisory lock) and
  // never clears them, so a finished `npm run db:migrate` would linger 10 s.
  // Unref'd timers still fire, but no longer keep the process alive.
  for (const name of Object.keys(imports).filter((n) => n.startsWith('__wbg_setTimeout_'))) {
    imports[name] = (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref();
  }
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': imports });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bindings;
}

/** Loads the WASM once per process: the bindings module is a singleton, and
 * a second instantiation would re-point it under live engines. Cached on
 * globalThis since this file may be evaluated more than once (module runners). */
export function loadSchemaEngineWasm(): Promise<Bindings> {
  g.__pcSchemaEngineWasm ??= instantiate().catch((error: unknown) => {
    g.__pcSchemaEngineWasm = undefined;
    throw error;
  });
  return g.__pcSchemaEngineWasm;
}

export interface OpenedEngine {
  engine: SchemaEngine;
  /** Frees the engine and closes the connections we opened for it. */
  dispose(): Promise<void>;
}

function log(line: string): void {
  // JSON tracing lines; shown on request only.
  if (readEnv('DEBUG')?.includes('schema-engine')) console.error(line);
}

async function openEngine(
  factory: SqlMigrationAwareDriverAdapterFactory,
  datamodels: Datamodels | undefined,
  close: () => Promise<void>,
): Promise<OpenedEngine> {
  let engine: SchemaEngine;
  try {
    const { SchemaEngine } = await loadSchemaEngineWasm();
    engine = await SchemaEngine.new(
      { datamodels: datamodels ?? (await readDatamodels()) },
      log,
      bindMigrationAwareSqlAdapterFactory(factory),
    );
  } catch (error) {
    await close();
    throw withPanic(error);
  }
  let disposed = false;
  return {
    engine,
    async dispose() {
      if (disposed) return;
      disposed = true;
      engine.free();
      await close();
    },
  };
}

/** Adds the pending panic message (if any) to a trap like "unreachable". */
export function withPanic(error: unknown): unknown {
  if (lastPanic && error instanceof Error) error.message += ` (schema engine panic: ${lastPanic})`;
  lastPanic = undefined;
  return error;
}

/** An engine on a PostgreSQL server, through @prisma/adapter-pg. We own the
 * pool (max 1: the engine works sequentially) so dispose can end it. */
export async function openEngineOnUrl(url: string, datamodels?: Datamodels): Promise<OpenedEngine> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const pgFactory = new PrismaPg(pool);
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: pgFactory.provider,
    adapterName: pgFactory.adapterName,
    connect: async () => wholeScripts(await pgFactory.connect()),
    connectToShadowDb: async () => wholeScripts(await pgFactory.connectToShadowDb()),
  };
  return openEngine(factory, datamodels, () => pool.end());
}

/** @prisma/adapter-pg 7.10's executeScript splits a migration at every ";",
 * which breaks a function body ($$ … ; … $$). The native engine sends the
 * script whole; so do we (PostgreSQL runs it as one multi-statement query). */
function wholeScripts(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const client = (adapter as unknown as { client: { query(sql: string): Promise<unknown> } }).client;
  return runScriptsWith(adapter, (script) => client.query(script));
}

/**
 * Replaces an adapter's executeScript: the script runs whole through `run`, and a failure is reported as the adapter
 * reports its own.
 */
function runScriptsWith(adapter: SqlDriverAdapter, run: (script: string) => Promise<unknown>): SqlDriverAdapter {
  const onError = (adapter as unknown as { onError(error: unknown): never }).onError.bind(adapter);
  adapter.executeScript = async (script: string) => {
    try {
      await run(script);
    } catch (error) {
      onError(error);
    }
  };
  return adapter;
}

/** An engine on a fresh in-memory PGlite (pglite-prisma-adapter), with an
 * in-memory shadow database, which `diff` from migrations needs. */
export async function openEngineInMemory(
  datamodels?: Datamodels,
  options: { shadowIsMain?: boolean } = {},
): Promise<OpenedEngine> {
  const opened: PGlite[] = [];
  const main = lazyPGlite(opened);
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: 'postgres',
    adapterName: 'pglite-prisma-adapter',
    connect: () => connectPGlite(main),
    // shadowIsMain saves one initdb (≈1.5 s) for `diff`, which only reads
    // the main database's version and replays migrations into the shadow.
    connectToShadowDb: () => connectPGlite(options.shadowIsMain ? main : lazyPGlite(opened)),
  };
  return openEngine(factory, datamodels, async () => {
    await Promise.all(opened.map((db) => db.close()));
  });
}

/** Each PGlite costs an initdb (≈1.5 s): create it on first use only.
 * `opened` collects them so dispose closes them (the adapter's own
 * connectToShadowDb leaves its PGlite open). */
function lazyPGlite(opened: PGlite[]): PGlite {
  let db: PGlite | undefined;
  return new Proxy({} as PGlite, {
    get(_target, property) {
      if (!db) opened.push((db = new PGlite({ extensions: { pg_trgm } })));
      const value: unknown = Reflect.get(db, property, db);
      return typeof value === 'function' ? value.bind(db) : value;
    },
  });
}

/** pglite-prisma-adapter 0.7.2's executeScript neither awaits nor reports
 * the script (a failing migration became an unhandled rejection): fix that. */
async function connectPGlite(db: PGlite): Promise<SqlDriverAdapter> {
  return runScriptsWith(await new PrismaPGlite(db).connect(), (script) => db.exec(script));
}

/** Disposes an engine opened by the helpers above (same as `e.dispose()`). */
export function disposeEngine(opened: OpenedEngine): Promise<void> {
  return opened.dispose();
}
