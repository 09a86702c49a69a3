// A webpack plugin for the browser build: writes .next/client-entries.json,
// each entry point (the root's main-app, every layout, error boundary and
// page) with the script files it loads. The bench reads it for the
// JavaScript each route sends (scripts/bench/js-size.ts); the portal's and
// the bare page's next.config.ts add it to their production builds.
type Compilation = {
  entrypoints: Map<string, { getFiles(): string[] }>;
  emitAsset(file: string, source: unknown): void;
};
type Compiler = {
  webpack: { sources: { RawSource: new (text: string) => unknown } };
  hooks: { emit: { tap(name: string, fn: (compilation: Compilation) => void): void } };
};
type WebpackConfig = { plugins?: unknown[] };

export const CLIENT_ENTRIES_FILE = 'client-entries.json';

class ClientEntryFiles {
  apply(compiler: Compiler) {
    compiler.hooks.emit.tap('ClientEntryFiles', (compilation) => {
      const entries: Record<string, string[]> = {};
      for (const [name, entry] of compilation.entrypoints) {
        entries[name] = entry.getFiles().filter((file) => file.endsWith('.js'));
      }
      compilation.emitAsset(CLIENT_ENTRIES_FILE, new compiler.webpack.sources.RawSource(JSON.stringify(entries)));
    });
  }
}

/** next.config's `webpack` hook: the plugin on the production browser build. */
export function withClientEntries<C extends WebpackConfig>(
  config: C,
  { isServer, dev }: { isServer: boolean; dev: boolean },
): C {
  if (!isServer && !dev) (config.plugins ??= []).push(new ClientEntryFiles());
  return config;
}
