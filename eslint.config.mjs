// ESLint (typescript-eslint) for src/, test/, scripts/ and bench/. The layer rule is here: the core
// imports no UI and no I/O library, the UI never reaches Docker or processes — each message names
// what to use instead. `npm run lint` (also run by `npm test`) runs this and Prettier's check.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const CORE_IO = [
  { group: ['ink', 'react', '@inkjs/ui'], message: 'src/core renders nothing: emit events or return data, and let src/ui draw them.' },
  { group: ['dockerode', 'execa', 'tar-stream'], message: 'src/core does no I/O: take the data as an argument; src/adapters reads Docker and processes.' },
  {
    group: ['node:fs', 'node:fs/*', 'fs', 'node:child_process', 'child_process', 'node:net', 'node:http', 'node:https'],
    message: 'src/core does no I/O: src/adapters/files (and the other adapters) read and write.',
  },
  { group: ['**/adapters/**', '**/ui/**'], message: 'src/core imports neither adapters nor UI: they import the core.' },
];
const UI_IO = [
  {
    group: ['dockerode', 'execa', 'node:child_process', 'child_process', '**/adapters/docker/**'],
    message: 'src/ui never calls Docker or processes: take the data or an action from src/commands (e.g. commands/fix/ui.ts).',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/lab/.build/**', 'bench/.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setImmediate: 'readonly',
        URL: 'readonly',
        structuredClone: 'readonly',
        NodeJS: 'readonly',
        AbortController: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        fetch: 'readonly',
        performance: 'readonly',
        queueMicrotask: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-empty': ['error', { allowEmptyCatch: true }],
      // terminal escapes are what the sanitizer and the terminal tests match on purpose
      'no-control-regex': 'off',
    },
  },
  { files: ['src/core/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: CORE_IO }] } },
  { files: ['src/ui/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': ['error', { patterns: UI_IO }] } },
);
