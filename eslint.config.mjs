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
);
