// eslint's settings (flat config): JavaScript's and typescript-eslint's recommended rules
// everywhere, a few rules that read the types where they are cheap and catch real bugs
// (a promise nobody waits for, an await on a non-promise), and eslint-plugin-lit's rules
// for the pages' elements. `npm run lint` runs this and `prettier --check`.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'data/', '.ci/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      // Type-aware rules that cost little and find real mistakes.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      // `_name` marks what a signature must take or a destructuring leaves out on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Tests and the load harness read JSON answers and views, then assert their shape:
    // `any` is what JSON hands them, and typing every probe would only repeat the assertion.
    files: ['**/*.test.ts', 'tests/**/*.ts', 'server/runtime/live/test-connections.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['web/**/*.ts'],
    ...lit.configs['flat/recommended'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Plain JavaScript files (the test runner, the worker's entry, this file) are not in the TypeScript project.
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
