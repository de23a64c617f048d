// ESLint (typescript-eslint) for src/, test/, scripts/ and bench/. The layer rules are here, one per
// folder of src/ (ARCHITECTURE.md, "The layers"): the core imports no UI and no I/O library, the UI never
// reaches Docker or processes, the adapters never the UI or the commands, the reports only the core, and
// terminal input (readline prompts, raw-mode stdin) is the UI's alone — each message names what to use
// instead. `npm run lint` (also run by `npm test`) runs this, madge's check for import circles and
// Prettier's check.
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

const NO_UI = (layer) => ({ group: ['ink', 'react', '@inkjs/ui'], message: `${layer} renders nothing: src/ui draws, from what it returns.` });
/** readline prompts and raw-mode stdin: src/ui only (ui/confirm.ts asks y/N and reads one key) */
const TERMINAL_INPUT = {
  group: ['node:readline', 'node:readline/*', 'readline', 'readline/*'],
  message: 'terminal prompts live in src/ui: ui/confirm.ts (confirm, oneKey) asks, and the command takes the answer.',
};
const RAW_MODE = {
  selector: "MemberExpression[property.name='setRawMode']",
  message: 'raw-mode stdin is terminal input: src/ui owns it (ui/confirm.ts oneKey, or an Ink input hook).',
};
const ADAPTERS_UP = [
  NO_UI('src/adapters'),
  {
    group: ['**/ui/**', '**/commands/**', '**/cli/**'],
    message: 'src/adapters are the side effects under the commands: take what they need as arguments; src/commands wires them to the UI.',
  },
  TERMINAL_INPUT,
];
const REPORT_IO = [
  NO_UI('src/report'),
  { group: ['**/ui/**', '**/adapters/**', '**/commands/**', '**/cli/**'], message: 'src/report turns results into text: it imports src/core only.' },
  { group: CORE_IO[1].group.concat(CORE_IO[2].group), message: 'src/report does no I/O: it returns strings, and src/commands writes them.' },
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
  { files: ['src/core/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [...CORE_IO, TERMINAL_INPUT] }] } },
  { files: ['src/ui/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': ['error', { patterns: UI_IO }] } },
  { files: ['src/adapters/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: ADAPTERS_UP }] } },
  { files: ['src/report/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: REPORT_IO }] } },
  { files: ['src/commands/**/*.{ts,tsx}', 'src/cli/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': ['error', { patterns: [TERMINAL_INPUT] }] } },
  { files: ['src/**/*.{ts,tsx}'], ignores: ['src/ui/**'], rules: { 'no-restricted-syntax': ['error', RAW_MODE] } },
);
