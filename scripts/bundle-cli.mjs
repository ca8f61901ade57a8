/**
 * `npm run build`'s second step: the compiled CLI (dist/cli/main.js and everything it imports,
 * commands included) as one file, dist/latchkey.js, which bin/latchkey runs. Start-up was mostly
 * Node finding, reading and linking ~700 small ES modules (Latchkey's, Kysely's, zod's); one file
 * is read and linked once (docs/performance.md, "Start-up"). The dependencies are bundled too,
 * CommonJS ones given a real `require` for Node's own modules, except better-sqlite3 and sodium-native (native) and
 * the two loaded only on demand (pg, pino-pretty; see store/postgres/pg.ts, cli/log-stream.ts).
 * dist/ keeps every compiled module for `import 'latchkey'`.
 *
 * Every module's `import.meta.url` still names its own file in dist/, so paths resolved from it
 * (package.json, the SQLite checkpoint worker, createRequire) are what they were unbundled.
 */
import { readFile } from 'node:fs/promises'
import { dirname, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

import { build } from 'esbuild'

const root = resolve(fileURLToPath(new URL('..', import.meta.url)))
const dist = resolve(root, 'dist')
const outfile = resolve(dist, 'latchkey.js')
const pkg = JSON.parse(await readFile(resolve(root, 'package.json'), 'utf8'))

const NOT_BUNDLED = ['better-sqlite3', 'sodium-native', 'pg', 'pino-pretty']
const unknown = NOT_BUNDLED.filter((name) => pkg.dependencies[name] === undefined)
if (unknown.length > 0) throw new Error(`not dependencies any more: ${unknown.join(', ')}`)

/** Replaces `import.meta.url` in dist's modules with the URL of the module's own file. */
const ownUrls = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.js$/ }, async (args) => {
      if (!args.path.startsWith(`${dist}/`)) return undefined
      const source = await readFile(args.path, 'utf8')
      if (!source.includes('import.meta.url')) return { contents: source, loader: 'js', resolveDir: dirname(args.path) }
      const own = JSON.stringify(relative(dirname(outfile), args.path))
      return {
        contents: source.replaceAll('import.meta.url', `new URL(${own}, import.meta.url).href`),
        loader: 'js',
        resolveDir: dirname(args.path),
      }
    })
  },
}

await build({
  entryPoints: [resolve(dist, 'cli/main.js')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: NOT_BUNDLED,
  // A bundled CommonJS module's `require('node:…')` needs a real require; ESM has none of its own.
  banner: {
    js: "import { createRequire as latchkeyCreateRequire } from 'node:module'; const require = latchkeyCreateRequire(import.meta.url);",
  },
  plugins: [ownUrls],
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
})
