import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layering of CONVENTIONS.md is enforced by the linter; these prove the
// rule bites (and that the linter runs at all on such files).
const eslint = new ESLint();

async function restrictedImportErrors(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports');
}

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
});
