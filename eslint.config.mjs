import tseslint from 'typescript-eslint';
import nextPlugin from '@next/eslint-plugin-next';
import reactHooks from 'eslint-plugin-react-hooks';

// Besides the usual checks this enforces the layering of docs/architecture.md:
// pages → components → actions → domain (lib/) → database. Pages and
// components never reach the database; components never import a page; the
// actions/ layer imports neither; lib/ imports none of them. Server actions
// live in actions/ only, each made by defineAction or definePublicAction
// (so each declares its permission, or says it is public).
const noDatabaseInUi = {
  patterns: [
    {
      group: ['@/lib/db', '**/lib/db', '@/lib/generated/*', '**/generated/prisma/**', '@prisma/*', 'pg'],
      message: 'Pages and components call the domain layer in lib/, never the database.',
    },
  ],
};
const noPages = {
  group: ['@/app/*', '**/app/**'],
  message: 'Only Next.js imports pages: components and actions never import from app/.',
};
const noComponents = {
  group: ['@/components/*', '**/components/**'],
  message: 'Actions sit below the UI: they call the domain layer, never components.',
};
const actionsOnlyThroughForms = {
  group: ['@/actions/*', '**/actions/**'],
  message: 'lib/ is the domain layer: it must not import the actions above it.',
};
const noUiInLib = {
  patterns: [
    actionsOnlyThroughForms,
    {
      group: ['@/app/*', '@/components/*', '**/app/**', '**/components/**'],
      message: 'lib/ is the domain layer: it must not import app/ or components/.',
    },
  ],
};

const DEFINED = 'A server action is made by defineAction or definePublicAction, so it declares its permission.';
const actionExportRules = [
  { selector: 'ExportNamedDeclaration > FunctionDeclaration', message: DEFINED },
  { selector: 'ExportDefaultDeclaration', message: DEFINED },
  { selector: 'ExportNamedDeclaration[specifiers.length>0]', message: DEFINED },
  {
    selector: "ExportNamedDeclaration > VariableDeclaration > VariableDeclarator[init.type!='CallExpression']",
    message: DEFINED,
  },
  {
    selector:
      'ExportNamedDeclaration > VariableDeclaration > VariableDeclarator > ' +
      'CallExpression.init[callee.name!=/^define(Public)?Action$/]',
    message: DEFINED,
  },
];
const useServerOutsideActions = [
  {
    selector: "ExpressionStatement[directive='use server']",
    message: "Server actions live in actions/<area>.ts ('use server' nowhere else).",
  },
];
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
      // Any Next.js build output (the portal's, and bench/bare's if built in place).
      '**/.next/',
      'lib/generated/',
      '.data/',
      'test-results/',
      'playwright-report/',
      '**/next-env.d.ts',
      '.scratch-db/',
      'tests/api/partner-api.d.ts',
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
  { files: ['app/**'], rules: { 'no-restricted-imports': ['error', noDatabaseInUi] } },
  {
    files: ['components/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...noDatabaseInUi.patterns, noPages] }] },
  },
  {
    files: ['actions/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...noDatabaseInUi.patterns, noPages, noComponents] }],
      'no-restricted-syntax': ['error', ...actionExportRules, ...noProcessEnv],
    },
  },
  { files: ['lib/**'], rules: { 'no-restricted-imports': ['error', noUiInLib] } },
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['actions/**'],
    rules: { 'no-restricted-syntax': ['error', ...useServerOutsideActions] },
  },
  {
    // After the block above: for these files this list replaces it, so it repeats it.
    files: [...productCode, ...productScripts],
    ignores: ['lib/env.ts', 'lib/env/**'],
    rules: { 'no-restricted-syntax': ['error', ...noProcessEnv, ...useServerOutsideActions] },
  },
  {
    // No line over 120 characters (Prettier's width; it does not break strings,
    // SQL templates or comments). URLs may run over. Tests: the next block.
    files: ['app/**', 'actions/**', 'lib/**', 'components/**', 'scripts/**', 'prisma/**', '*.ts', '*.mjs'],
    rules: { 'max-len': ['error', { code: 120, ignoreUrls: true }] },
  },
  {
    // Tests too, except their data: strings and templates (test titles, expected
    // texts, SQL fixtures) may run over.
    files: ['tests/**'],
    rules: {
      'max-len': [
        'error',
        { code: 120, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true },
      ],
    },
  },
);
