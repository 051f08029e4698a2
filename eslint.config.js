// ESLint flat config. The plugin boundary (STYLE.md §3.6) is enforced here for editors and again by
// tests/boundaries/plugin-imports.test.ts, which CI runs.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const pluginBoundary = {
  patterns: [
    { group: ['@cong/core', '@cong/core/*'], message: 'Plugins import @cong/sdk only (STYLE.md §3.6).' },
    { regex: '^@cong/plugin-[^/]+/(?!api$).+', message: "Import another plugin only through its '/api' entry." },
  ],
};

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/dist-types/**', 'tests/bench/results/**', '**/*.generated.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: { ...globals.node } } },
  { files: ['**/bundle/**/*.js', '**/src/admin/**/*.ts', '**/src/widgets/**/*.ts'], languageOptions: { globals: { ...globals.browser } } },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['plugins/*/src/**/*.ts', 'examples/*/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', pluginBoundary] },
  },
  {
    files: ['plugins/*/src/**/migrations/**/*.ts', 'examples/*/src/**/migrations/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!kysely$|\\./).*', message: 'Migrations import only kysely (and each other).' }] }],
    },
  },
);
