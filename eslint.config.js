// Lint rules that keep the architecture honest: electron and node:* stay out of shared/ and renderer/,
// ipcRenderer stays in the preload, and only the listed files may import electron at all.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = ['fs', 'path', 'os', 'crypto', 'child_process', 'url', 'http', 'https', 'net', 'stream', 'util', 'worker_threads', 'zlib'];
const noNodeOrElectron = {
  paths: [{ name: 'electron', message: 'shared/ and renderer/ must not import electron: use the IPC contract.' }],
  patterns: [
    { group: ['node:*'], message: 'shared/ and renderer/ run in the browser too: no Node built-ins.' },
    ...nodeBuiltins.map((m) => ({ group: [m, `${m}/*`], message: 'shared/ and renderer/ run in the browser too: no Node built-ins.' })),
  ],
};

// Layers of shared/ (README "Architecture"): a layer imports only layers of a lower rank, so wording never
// depends on documents, the model never on analysis, and nothing below the IPC contract knows about it.
const SHARED_LAYER_RANK = { text: 0, model: 1, reference: 2, settings: 2, samples: 3, analysis: 3, import: 4, documents: 4, workshop: 5, ipc: 6 };
/** One import zone per layer of a folder: a layer may import only layers of a lower rank. */
const layerZones = (root, ranks, groupsFor, advice) =>
  Object.entries(ranks).map(([layer, rank]) => ({
    files: [`${root}/${layer}/**/*.{ts,tsx}`],
    ignores: ['**/*.test.ts', '**/*.test.tsx', '**/test-*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: noNodeOrElectron.paths,
          patterns: [
            ...noNodeOrElectron.patterns,
            ...Object.entries(ranks)
              .filter(([other, r]) => other !== layer && r >= rank)
              .map(([other]) => ({ group: groupsFor(other), message: `${root}/${layer} sits below ${root}/${other}: ${advice}` })),
          ],
        },
      ],
    },
  }));

const sharedLayerZones = layerZones('shared', SHARED_LAYER_RANK, (other) => [`**/${other}/*`, `**/${other}`, `!./*`], 'move what both need down a layer (see README, Architecture).');

// The renderer's layers: platform (the window's API), state (stores, document commands), components (shared
// UI), features (one folder per step or dialog), app (the shell: App, steps, shortcuts). Imports point down only.
const RENDERER_LAYER_RANK = { platform: 0, state: 1, components: 2, features: 3, app: 4 };
const rendererLayerZones = layerZones('renderer/src', RENDERER_LAYER_RANK, (other) => [`**/${other}/*`, `!./*`], 'imports point down (see README, Architecture).');

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'tests/artifacts/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='ipcRenderer']", message: 'ipcRenderer belongs in the preload only.' },
      ],
    },
  },
  {
    files: ['shared/**/*.{ts,tsx}', 'renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-restricted-imports': ['error', noNodeOrElectron] },
  },
  ...sharedLayerZones,
  ...rendererLayerZones,
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // Components call a feature's commands; the workbook is changed only there, through named edits in shared/.
    files: ['renderer/src/**/*.tsx'],
    ignores: ['**/*.test.tsx'],
    rules: {
      // A later no-restricted-syntax replaces the earlier one, so the ipcRenderer rule is repeated here.
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='ipcRenderer']", message: 'ipcRenderer belongs in the preload only.' },
        {
          selector: "CallExpression[callee.property.name='edit'][callee.object.callee.property.name='getState']",
          message: 'Components change the workbook through their feature\'s commands.ts, not a recipe.',
        },
        { selector: "CallExpression[callee.name='editWorkbook']", message: 'Components change the workbook through their feature\'s commands.ts, not a recipe.' },
      ],
    },
  },
  {
    // Only the composition root, window, adapters and preload may import electron (type-only imports excepted).
    files: ['electron/**/*.ts', 'cli/**/*.ts', 'tests/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', 'browser/**/*.ts'],
    ignores: ['electron/main/index.ts', 'electron/main/window.ts', 'electron/main/adapters/**', 'electron/preload/**', 'tests/e2e-electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only index.ts, window.ts, adapters/ and the preload import electron.', allowTypeImports: true }] },
      ],
    },
  },
  {
    // Plain Node scripts run before anything is built (npm start's mode decision).
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
  },
  {
    // Scripts the browser mode installs into the app's window.
    files: ['browser/page/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { window: 'readonly', document: 'readonly' } },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
