import { readdirSync } from 'node:fs'
import { join } from 'node:path'

import js from '@eslint/js'
import tseslint from 'typescript-eslint'

/**
 * The layers of src/, top to bottom (docs/architecture.md). A file may import its own layer and
 * the layers below it, never one above: domain code knows nothing of HTTP, the store nothing of
 * credentials' rules, and only the composition root (src/app.ts) knows every route and page.
 */
const LAYERS = [
  { name: 'cli', files: ['src/cli/**', 'src/index.ts'] },
  { name: 'app', files: ['src/app.ts'] },
  { name: 'routes', files: ['src/routes/**', 'src/webview/**'] },
  { name: 'http', files: ['src/http/**'] },
  // Delivery runs in the background of the server (started by app.ts): it reads the store, turns
  // events into resources (domain/) and signs with auth/; nothing below it knows it exists.
  { name: 'webhooks', files: ['src/webhooks/**'] },
  // Seed files (docs/ci.md): applied by the CLI and startLatchkey() before the server listens;
  // they write through the store's verbs and the sandbox's account model, and nothing serves them.
  { name: 'seed', files: ['src/seed/**'] },
  { name: 'domain', files: ['src/domain/**'] },
  { name: 'sandbox', files: ['src/sandbox/**'] },
  { name: 'auth', files: ['src/auth/**'] },
  { name: 'store', files: ['src/store/**'] },
  { name: 'contract', files: ['src/contract/**'] },
]

/** Files directly in src/ that sit below every layer and that any layer may import. */
const BENEATH_LAYERS = ['src/clock.ts']

/**
 * What in `srcDir` no layer claims: a folder `src/x/` needs a layer whose files include
 * `src/x/**`, a file directly in src/ a layer that names it or a place in BENEATH_LAYERS.
 * Without this a new folder would escape every import rule unnoticed.
 */
export const unlayered = (srcDir, layers = LAYERS, beneath = BENEATH_LAYERS) => {
  const claimed = new Set([...layers.flatMap((layer) => layer.files), ...beneath])
  return readdirSync(srcDir, { withFileTypes: true })
    .map((entry) => (entry.isDirectory() ? `src/${entry.name}/**` : `src/${entry.name}`))
    .filter((pattern) => !claimed.has(pattern))
}

const missing = unlayered(join(import.meta.dirname, 'src'))
if (missing.length > 0) {
  throw new Error(
    `eslint.config.js: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} in no layer. Add ${missing.length === 1 ? 'it' : 'each'} to LAYERS ` +
      '(or, for a file every layer may use, to BENEATH_LAYERS) and to the table in docs/architecture.md, so the import rules cover it.',
  )
}

/** A relative import that climbs out of the file's folder into one of these top-level folders. */
const reaching = (targets) =>
  targets.map((target) => ({
    regex: target === 'app' ? '^(\\.\\./)+app\\.ts$' : `^(\\.\\./)+${target}/`,
    message: `Imports point down the layers (docs/architecture.md): this layer may not import ${target}/.`,
  }))

const folderOf = { routes: ['routes', 'webview'] }
const layerRules = LAYERS.map((layer, index) => ({
  files: layer.files,
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: reaching(LAYERS.slice(0, index).flatMap((above) => folderOf[above.name] ?? [above.name])) },
    ],
  },
}))

/** Each store engine keeps to itself; the shared SQL depends on neither. */
const engineRules = [
  { files: ['src/store/sqlite/**'], forbidden: ['postgres'] },
  { files: ['src/store/postgres/**'], forbidden: ['sqlite'] },
  { files: ['src/store/sql/**'], forbidden: ['sqlite', 'postgres'] },
].map(({ files, forbidden }) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...reaching(
            LAYERS.slice(
              0,
              LAYERS.findIndex((l) => l.name === 'store'),
            ).flatMap((above) => folderOf[above.name] ?? [above.name]),
          ),
          ...forbidden.map((engine) => ({
            regex: `^\\.\\./${engine}/`,
            message: `A store engine's folder is its own: shared code goes in src/store/ or src/store/sql/, not ${engine}/.`,
          })),
        ],
      },
    ],
  },
}))

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'coverage/', 'dist/', 'examples/app/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, files: ['**/*.ts', '**/*.tsx'] })),
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Fastify handlers and store verbs are async by contract (a value or a promise, answered
      // alike), whether or not a given one awaits.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    // Tests read JSON answers as `any` on purpose (the assertions are the types); the rules that
    // matter there stay on: promises are awaited or handled.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-floating-promises': [
        'error',
        // node:test's describe and test return promises the runner itself awaits.
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'test', 'it', 'suite'] }] },
      ],
    },
  },
  ...layerRules,
  ...engineRules,
  {
    // The CLI and scripts are the only places allowed to talk to the terminal.
    files: ['src/cli/**', 'scripts/**', 'bench/**', 'bin/**', 'examples/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.mjs', 'bin/*'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
)
