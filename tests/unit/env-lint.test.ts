import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Settings are read through the one schema in lib/env/schema.ts: the linter
// refuses `process.env` anywhere else in the product (eslint.config.mjs).
const eslint = new ESLint();

async function envErrors(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax');
}

describe('process.env outside lib/env', () => {
  it('refuses a new read in the domain layer', async () => {
    expect(await envErrors('lib/example.ts', 'export const foo = () => process.env.FOO;\n')).toHaveLength(1);
  });

  it('refuses other spellings of it', async () => {
    for (const code of [
      "export const foo = process.env['FOO'];\n",
      'export const all = process.env;\n',
      "process.env.FOO = 'on';\n",
      'const { env } = process;\nexport const foo = env.FOO;\n',
      "import { env } from 'node:process';\nexport const foo = env.FOO;\n",
    ])
      expect(await envErrors('lib/example.ts', code), code).toHaveLength(1);
  });

  it('refuses it in pages, components, proxy.ts, instrumentation.ts and the start script', async () => {
    const code = 'export const foo = process.env.FOO;\n';
    for (const filePath of [
      'app/(portal)/example/page.tsx',
      'components/example.tsx',
      'proxy.ts',
      'instrumentation.ts',
      'scripts/start.ts',
      'scripts/mail-worker.ts',
    ])
      expect(await envErrors(filePath, code), filePath).toHaveLength(1);
  });

  it('allows it in lib/env*, and the framework variables Next.js inlines', async () => {
    expect(await envErrors('lib/env/example.ts', 'export const foo = process.env.FOO;\n')).toHaveLength(0);
    expect(
      await envErrors(
        'lib/example.ts',
        "export const dev = process.env.NODE_ENV === 'development' && process.env.NEXT_RUNTIME === 'nodejs';\n",
      ),
    ).toHaveLength(0);
  });
});
