import tseslint from 'typescript-eslint';
import nextPlugin from '@next/eslint-plugin-next';
import reactHooks from 'eslint-plugin-react-hooks';

// Besides the usual checks this enforces the layering of CONVENTIONS.md:
// pages and components never reach the database (they call lib/), and lib/
// never imports the UI.
const noDatabaseInUi = {
  patterns: [
    {
      group: ['@/lib/db', '**/lib/db', '@/lib/generated/*', '**/generated/prisma/**', '@prisma/*', 'pg'],
      message: 'Pages and components call the domain layer in lib/, never the database.',
    },
  ],
};
const noUiInLib = {
  patterns: [
    {
      group: ['@/app/*', '@/components/*', '**/app/**', '**/components/**'],
      message: 'lib/ is the domain layer: it must not import app/ or components/.',
    },
  ],
};

// Settings: the environment is read in lib/env* only, through one zod schema
// (lib/env/schema.ts, README "Configuration"). The framework's NODE_ENV,
// NEXT_RUNTIME and NEXT_PHASE stay literal `process.env.X` reads (Next.js
// replaces them at build time).
const envMessage = 'Read settings through lib/env (the zod schema in lib/env/schema.ts), not process.env.';
const noProcessEnv = [
  {
    selector:
      "MemberExpression[property.name='env']:matches([object.name='process'], [object.property.name='process'])" +
      ':not(MemberExpression[property.name=/^(NODE_ENV|NEXT_RUNTIME|NEXT_PHASE)$/] > MemberExpression.object)',
    message: envMessage,
  },
  { selector: "MemberExpression[object.name='process'][property.value='env']", message: envMessage },
  {
    selector: "VariableDeclarator[init.name='process'] > ObjectPattern > Property[key.name='env']",
    message: envMessage,
  },
  {
    selector: "ImportDeclaration[source.value=/^(node:)?process$/] > ImportSpecifier[imported.name='env']",
    message: envMessage,
  },
];
const productCode = ['app/**', 'lib/**', 'components/**', 'proxy.ts', 'instrumentation.ts', 'next.config.ts'];
const productScripts = [
  'scripts/start.ts',
  'scripts/mail-worker.ts',
  'scripts/lib/secret.ts',
  'scripts/lib/serve.ts',
  'scripts/db/migrate.ts',
  'scripts/db/engine.ts',
  'prisma/seed.ts',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.next/',
      'lib/generated/',
      '.data/',
      'test-results/',
      'playwright-report/',
      'next-env.d.ts',
      '.scratch-db/',
    ],
  },
  ...tseslint.configs.recommended,
  {
    plugins: { '@next/next': nextPlugin, 'react-hooks': reactHooks },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs['core-web-vitals'].rules,
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  { files: ['app/**', 'components/**'], rules: { 'no-restricted-imports': ['error', noDatabaseInUi] } },
  { files: ['lib/**'], rules: { 'no-restricted-imports': ['error', noUiInLib] } },
  {
    files: [...productCode, ...productScripts],
    ignores: ['lib/env.ts', 'lib/env/**'],
    rules: { 'no-restricted-syntax': ['error', ...noProcessEnv] },
  },
);
