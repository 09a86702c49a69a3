import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layering of docs/architecture.md is enforced by the linter; these prove
// each rule bites (and that the linter runs at all on such files).
const eslint = new ESLint();

async function ruleErrors(rule: string, filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === rule);
}
const restrictedImportErrors = (filePath: string, code: string) => ruleErrors('no-restricted-imports', filePath, code);
const syntaxErrors = (filePath: string, code: string) => ruleErrors('no-restricted-syntax', filePath, code);

describe('layering', () => {
  it('refuses the Prisma client in a page', async () => {
    const errors = await restrictedImportErrors(
      'app/(portal)/example/page.tsx',
      "import { db } from '@/lib/db';\nexport default function P() { return db; }\n",
    );
    expect(errors).toHaveLength(1);
  });

  it('refuses the generated Prisma client in a component', async () => {
    const errors = await restrictedImportErrors(
      'components/example.tsx',
      "import { PrismaClient } from '@/lib/generated/prisma/client';\nexport const x = PrismaClient;\n",
    );
    expect(errors).toHaveLength(1);
  });

  it('refuses UI imports in the domain layer', async () => {
    const errors = await restrictedImportErrors(
      'lib/example.ts',
      "import { Button } from '@/components/ui/button';\nexport const x = Button;\n",
    );
    expect(errors).toHaveLength(1);
  });

  it('allows pages to call the domain layer', async () => {
    const errors = await restrictedImportErrors(
      'app/(portal)/example/page.tsx',
      "import { findCustomers } from '@/lib/customers/find-customers';\nexport const x = findCustomers;\n",
    );
    expect(errors).toHaveLength(0);
  });

  it('refuses a page import in a component', async () => {
    const errors = await restrictedImportErrors(
      'components/example.tsx',
      "import { x } from '@/app/(portal)/customers/page';\nexport const y = x;\n",
    );
    expect(errors).toHaveLength(1);
  });

  it('refuses components and pages in the actions layer', async () => {
    const errors = await restrictedImportErrors(
      'actions/example.ts',
      "import { Button } from '@/components/ui/button';\nimport { x } from '@/app/layout';\nexport const y = [Button, x];\n",
    );
    expect(errors).toHaveLength(2);
  });

  it('refuses the actions layer in the domain layer', async () => {
    const errors = await restrictedImportErrors(
      'lib/example.ts',
      "import { cancelAction } from '@/actions/subscriptions';\nexport const x = cancelAction;\n",
    );
    expect(errors).toHaveLength(1);
  });

  it('refuses a server action that is not made by defineAction (no declared permission)', async () => {
    const bare = "'use server';\nexport async function doIt(form: FormData) {\n  return form;\n}\n";
    expect(await syntaxErrors('actions/example.ts', bare)).toHaveLength(1);
    const wrapped = "'use server';\nexport const doIt = wrap(async () => 1);\n";
    expect(await syntaxErrors('actions/example.ts', wrapped)).toHaveLength(1);
  });

  it('allows actions made by defineAction and definePublicAction', async () => {
    const code =
      "'use server';\nimport { defineAction, definePublicAction } from '@/lib/pipeline/define-action';\n" +
      "export const a = defineAction({ permission: 'account.self', run: async () => 1 });\n" +
      "export const b = definePublicAction({ rateLimit: 'none', run: async () => 1 });\n";
    expect(await syntaxErrors('actions/example.ts', code)).toHaveLength(0);
  });

  it("refuses 'use server' outside actions/", async () => {
    const inFile = "'use server';\nexport async function doIt() {}\n";
    expect(await syntaxErrors('app/(portal)/example/actions.ts', inFile)).toHaveLength(1);
    const inline = "export function Page() {\n  async function go() {\n    'use server';\n  }\n  return go;\n}\n";
    expect(await syntaxErrors('components/example.tsx', inline)).toHaveLength(1);
  });
});
