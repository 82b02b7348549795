// ESLint for the front end, checked by the build (`npm run lint`, run by Maven as Spotless is for Java).
import js from '@eslint/js';
import globals from 'globals';

export default [
  { ignores: ['node_modules/', 'dist/'] },
  js.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.browser },
    },
    rules: {
      // `const { clientId, ...rest } = x` drops a member on purpose.
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['src/offline/service-worker.js'],
    languageOptions: { globals: globals.serviceworker },
  },
  {
    files: ['build/**', 'e2e/**', 'test/**', 'vite.config.js', 'eslint.config.js', 'src/pow/bench.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
];
