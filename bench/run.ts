/**
 * `npm run bench`: Latchkey on SQLite and PostgreSQL against a bare node:http ceiling and Seam's
 * fake, in one run, alternating servers round by round so machine drift cancels. Loopback only,
 * bounded in time. Flags: --duration S, --connections N, --rounds N, --stores sqlite,postgres,
 * --scale 1000,1000000 (or none), --warmup S, --no-fake, --scenarios cst_get,…, --quick (a few seconds per run, for CI
 * smoke), --workers N (also run SQLite Latchkey and the bare server as N processes; 1 for none),
 * --before DIR (also run the SQLite server of another checkout, built, in the same rounds), --startup-runs N (start-up
 * timings, bench/startup.ts; 0 for none).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { parseArgs } from 'node:util'

import { startPostgres } from '../scripts/embedded-postgres.mjs'
import { type LoadRequest, type LoadResult, runLoad } from './load.ts'
import { average, machine, type Row, table } from './report.ts'
import { runScale } from './scale.ts'
import { LATCHKEY_ROOT, runStartup, SEEDED } from './startup.ts'
import { forgetNewerMigrations, olderSeed } from './older-checkout.ts'
import { groupsOf, type Scenario, SCENARIOS } from './scenarios.ts'
import { waitForDeliveries } from './deliveries.ts'
import { type BenchData, seedBenchData } from './seed.ts'
import { startBare, startFake, startLatchkey, startMinimalCst, type Target } from './targets.ts'

const { values } = parseArgs({
  options: {
    duration: { type: 'string' },
    connections: { type: 'string', default: '32' },
    rounds: { type: 'string' },
    warmup: { type: 'string' },
    stores: { type: 'string', default: 'sqlite,postgres' },
    scale: { type: 'string' },
    'no-fake': { type: 'boolean', default: false },
    // A subset of the scenarios by name (cst_get,api_key_get,create,get_or_create,list_100,
    // unlock_door,unlock_door_webhook,delete,delete_webhook,devices_list).
    scenarios: { type: 'string' },
    quick: { type: 'boolean', default: false },
    // Results go to an untracked file by default; `--record` keeps them as the repository's
    // recorded run (bench/results.md), a deliberate act rather than a side effect.
    out: { type: 'string' },
    record: { type: 'boolean', default: false },
    workers: { type: 'string', default: '2' },
    // A checkout of an earlier commit with `npm run build` done: its SQLite server runs beside
    // today's in the same rounds, for before/after figures from one run.
    before: { type: 'string' },
    // Starts of `serve --database-url sqlite::memory:` timed to the first /health 200, each checkout in turn.
    'startup-runs': { type: 'string' },
  },
})
const outPath = values.out ?? (values.record ? 'bench/results.md' : 'bench/.tmp/results.md')
const quick = values.quick
const duration = Number(values.duration ?? (quick ? 2 : 5))
const connections = Number(values.connections)
const rounds = Number(values.rounds ?? (quick ? 1 : 2))
// Unrecorded load before each scenario's rounds, for every server alike: the first seconds of a
// fresh code path are JIT compilation, which a long-running server pays once. Measured with an
// event-loop stall detector in the server: a route's first ~1.5 s under load stall the loop for
// 10–30 ms at a time, none after; 3 s covers it with room for `--workers`, where each process
// sees part of the load.
const warmup = Number(values.warmup ?? (quick ? 0.5 : 3))
const stores = values.stores.split(',').filter((s) => s === 'sqlite' || s === 'postgres')
const scaleSizes = (values.scale ?? (quick ? '1000,20000' : '1000,1000000'))
  .split(',')
  .filter((s) => s !== 'none' && s !== '')
  .map(Number)
const secret = 'bench-secret-'.padEnd(48, 'x')
const SESSIONS = 1000
// Sessions each delete scenario may delete, one per request, across every server sharing the data.
const DELETABLE = quick ? 20_000 : 150_000
const workers = Number(values.workers)
const startupRuns = Number(values['startup-runs'] ?? (quick ? 3 : 9))

const dir = mkdtempSync(join(tmpdir(), 'latchkey-bench-'))
const log = (line: string) => process.stderr.write(`${line}\n`)
const targets: Target[] = []
const data = new Map<Target, BenchData>()
let postgres: Awaited<ReturnType<typeof startPostgres>> | undefined

// The write scenarios compare a workspace without a webhook against one whose webhook receives
// every event, delivered to a receiver in this process on 127.0.0.1 that answers 204.
const chosenNames = values.scenarios?.split(',')
const WRITE_SCENARIOS = ['unlock_door', 'unlock_door_webhook', 'delete', 'delete_webhook']
const wantsWrites = chosenNames === undefined || chosenNames.some((name) => WRITE_SCENARIOS.includes(name))
const receiver = createServer((req, res) => {
  req.resume()
  req.on('end', () => {
    res.statusCode = 204
    res.end()
  })
})
let writes: { webhookUrl: string; deletable: number } | undefined
if (wantsWrites) {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  writes = { webhookUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`, deletable: DELETABLE }
  // The servers the bench starts may deliver to the receiver on loopback.
  process.env.LATCHKEY_WEBHOOK_ALLOW_HOSTS = '127.0.0.1'
}

/** Latchkey's answer to one request: the bytes a ceiling writes for that scenario. */
const answerOf = async (url: string, request: LoadRequest): Promise<string> => {
  const res = await fetch(`${url}${request.path}`, {
    method: request.method,
    headers: { ...request.headers, ...(request.body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(typeof request.body === 'string' ? { body: request.body } : {}),
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`${request.method} ${request.path}: ${res.status} ${text}`)
  return text
}

try {
  log(`bench: ${duration}s × ${rounds} round(s) per server and scenario, ${connections} connections; ${machine()}`)
  if (stores.includes('sqlite')) {
    const location = { kind: 'sqlite' as const, path: join(dir, 'bench.sqlite') }
    const seeded = await seedBenchData(location, secret, SESSIONS, writes)
    const target = await startLatchkey('Latchkey SQLite', `sqlite:${location.path}`, secret)
    targets.push(target)
    data.set(target, seeded)
    if (values.before !== undefined) {
      const beforeLocation = { kind: 'sqlite' as const, path: join(dir, 'before.sqlite') }
      const seedBefore = await olderSeed(values.before, seedBenchData)
      const seededBefore = await seedBefore(beforeLocation, secret, SESSIONS, writes)
      forgetNewerMigrations(beforeLocation.path, values.before)
      const before = await startLatchkey('Latchkey SQLite, before', `sqlite:${beforeLocation.path}`, secret, [], { cwd: values.before })
      targets.push(before)
      data.set(before, seededBefore)
    }
    if (workers > 1) {
      const cluster = await startLatchkey(`Latchkey SQLite, ${workers} workers`, `sqlite:${location.path}`, secret, [
        '--workers',
        String(workers),
      ])
      targets.push(cluster)
      data.set(cluster, seeded)
    }
  }
  if (stores.includes('postgres')) {
    postgres = await startPostgres()
    const seeded = await seedBenchData({ kind: 'postgres', url: postgres.url }, secret, SESSIONS, writes)
    const target = await startLatchkey('Latchkey PostgreSQL', postgres.url, secret)
    targets.push(target)
    data.set(target, seeded)
  }
  const first = targets[0]
  if (first === undefined) throw new Error('no store selected (--stores sqlite,postgres)')
  // The CST reference point answers the CST read's real answer.
  const sample = await fetch(`${first.url}/client_sessions/get`, { headers: { authorization: `Bearer ${data.get(first)?.cst}` } })
  const body = await sample.text()
  const fake = values['no-fake'] ? undefined : await startFake()
  const chosen = values.scenarios?.split(',')
  // The reference point for the CST read: what Fastify plus that read's unavoidable work reaches here today.
  const minimalCst =
    chosen === undefined || chosen.includes('cst_get') ? await startMinimalCst(body, (data.get(first) as BenchData).cst) : undefined

  const rows: Row[] = []
  const drains: string[] = []
  const ceilings: Target[] = []
  const frozen = (request: LoadRequest): LoadRequest =>
    typeof request.body === 'function' ? { ...request, body: request.body() } : request
  for (const group of groupsOf(SCENARIOS.filter((s) => chosen === undefined || chosen.includes(s.name)))) {
    const [lead] = group as [Scenario, ...Scenario[]]
    const runs = new Map<string, LoadResult[]>()
    // The ceilings answer the same bytes as Latchkey's answer to this scenario (asked once here),
    // so a long answer (a list of 100) is compared with a server writing as much.
    const answer = await answerOf(first.url, frozen(lead.latchkey(data.get(first) as BenchData)))
    const bare = await startBare(answer)
    // The ceiling for the workers' rows: the bare server as the same number of processes.
    const bareCluster = workers > 1 && stores.includes('sqlite') ? await startBare(answer, {}, workers) : undefined
    ceilings.push(bare, ...(bareCluster === undefined ? [] : [bareCluster]))
    interface Contender {
      key: string
      name: string
      url: string
      request: LoadRequest
      scenario: Scenario | null
    }
    // The ceilings answer a fixed body whatever the request, so they get one frozen request: a
    // body that takes the next seeded session to delete must not be spent on them.
    const contenders: Contender[] = [
      { key: bare.name, name: bare.name, url: bare.url, request: frozen(lead.latchkey(data.get(first) as BenchData)), scenario: null },
      ...(bareCluster === undefined
        ? []
        : [
            {
              key: bareCluster.name,
              name: bareCluster.name,
              url: bareCluster.url,
              request: frozen(lead.latchkey(data.get(first) as BenchData)),
              scenario: null,
            },
          ]),
      ...(minimalCst === undefined || lead.name !== 'cst_get'
        ? []
        : [
            {
              key: minimalCst.name,
              name: minimalCst.name,
              url: minimalCst.url,
              request: lead.latchkey(data.get(first) as BenchData),
              scenario: null,
            },
          ]),
      ...group.flatMap((scenario) =>
        targets.map((t) => ({
          key: `${scenario.name} · ${t.name}`,
          name: t.name,
          url: t.url,
          request: scenario.latchkey(data.get(t) as BenchData),
          scenario,
        })),
      ),
    ]
    if (fake !== undefined && lead.fake !== undefined) {
      const request = lead.fake()
      const probe = await fetch(`${fake.url}${request.path}`, {
        method: request.method,
        headers: { ...request.headers, 'content-type': 'application/json' },
        ...(request.body === undefined ? {} : { body: typeof request.body === 'string' ? request.body : request.body() }),
      })
      if (probe.ok) contenders.push({ key: fake.name, name: fake.name, url: fake.url, request, scenario: null })
      else log(`  ${lead.name}: the fake answers ${probe.status}; not compared`)
    }
    // A round with a webhook leaves deliveries behind when the server gave requests the way; they
    // are sent before anything else is measured, and how long that took is reported.
    const afterRun = async (c: Contender, recorded: boolean) => {
      if (c.scenario === null || !c.scenario.name.endsWith('_webhook')) return
      const seconds = await waitForDeliveries(c.url)
      if (recorded) drains.push(`${c.scenario.label} · ${c.name}: ${seconds.toFixed(1)} s`)
      log(`  ${c.scenario.name} · ${c.name}: deliveries caught up ${seconds.toFixed(1)} s after the load stopped`)
    }
    if (warmup > 0) {
      for (const c of contenders) {
        await runLoad(c.url, c.request, warmup, connections)
        await afterRun(c, false)
      }
    }
    for (let round = 0; round < rounds; round++) {
      // Alternate the order every round so drift (thermal, neighbours) hits every server alike.
      const order = round % 2 === 0 ? contenders : [...contenders].reverse()
      for (const c of order) {
        const result = await runLoad(c.url, c.request, duration, connections)
        log(
          `  ${c.scenario?.name ?? lead.name} · ${c.name}: ${result.rps.toFixed(0)} req/s, p99 ${result.p99} ms, errors ${result.errors + result.non2xx}`,
        )
        runs.set(c.key, [...(runs.get(c.key) ?? []), result])
        await afterRun(c, true)
      }
    }
    const bareRps = average(runs.get(bare.name) ?? []).rps
    const bareClusterRps = bareCluster === undefined ? null : average(runs.get(bareCluster.name) ?? []).rps
    const fakeRuns = fake === undefined ? undefined : runs.get(fake.name)
    const fakeRps = fakeRuns === undefined ? null : average(fakeRuns).rps
    for (const scenario of group) {
      for (const c of contenders.filter((c) => c.scenario === null || c.scenario === scenario)) {
        const result = average(runs.get(c.key) ?? [])
        const isLatchkey = c.name.startsWith('Latchkey')
        rows.push({
          scenario: scenario.label,
          target: c.name,
          result,
          vsBare: c.name === bare.name ? null : result.rps / bareRps,
          vsBareWorkers:
            c.name.endsWith(' workers') && !c.name.startsWith('bare') && bareClusterRps !== null ? result.rps / bareClusterRps : null,
          vsFake: isLatchkey && fakeRps !== null ? result.rps / fakeRps : null,
        })
      }
    }
  }
  for (const t of [...ceilings, ...(fake === undefined ? [] : [fake]), ...(minimalCst === undefined ? [] : [minimalCst]), ...targets])
    await t.stop()
  targets.length = 0

  const scale = scaleSizes.length >= 2 ? await runScale(dir, secret, scaleSizes, duration, connections, rounds, warmup, log) : ''
  const startup =
    startupRuns > 0
      ? await runStartup(
          [
            ...(values.before === undefined ? [] : [{ name: 'before', cwd: values.before }]),
            { name: 'Latchkey', cwd: LATCHKEY_ROOT },
            SEEDED(LATCHKEY_ROOT),
          ],
          startupRuns,
          log,
        )
      : ''
  const main = table(rows)
  process.stdout.write(`\n${main}\n${scale === '' ? '' : `\n${scale}\n`}${startup === '' ? '' : `\n${startup}\n`}`)
  const report = `# Benchmark results

Produced by \`npm run bench${process.argv.slice(2).length > 0 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\` on ${new Date().toISOString().slice(0, 10)}.

- Machine: ${machine()}. Load generator (autocannon) and servers on the same machine, loopback only.
- ${duration} s per run, ${connections} connections, ${rounds} round(s) per server and scenario, servers alternated
  round by round, after an unrecorded ${warmup} s warm-up of each server on each scenario; req/s and p50 are
  means over rounds, p99 the worst round.
- Every server runs in its own process: Latchkey as \`bin/latchkey serve\` (request logs on), the
  bare ceiling a node:http server answering, in each scenario, the same bytes as Latchkey's answer
  to that scenario's request, and \`@seamapi/fake-seam-connect\` with its default seed.
- \`Fastify, minimum CST read\` (CST get only) is a reference point, not a ceiling: Fastify doing only
  what that read cannot skip for one token held in memory (split, SHA-256, constant-time compare,
  expiry, an answer serialised once, one pino log line), without Latchkey's database, metrics, CORS
  or request id (\`bench/minimal-cst-server.mjs\`).
${
  workers > 1
    ? `- \`Latchkey SQLite, ${workers} workers\` is \`serve --workers ${workers}\` on the same file, and \`bare node:http, ${workers} workers\`
  the bare server as ${workers} processes under node:cluster. "× bare" is always over the single-process bare
  server; "× bare, same processes" over the bare server with as many processes.
`
    : ''
}- ${SESSIONS} sessions in the benchmark workspace. "× bare" is req/s over the bare server's in the
  same scenario; "× fake" over the fake's. Errors count socket errors, timeouts and non-2xx.
- The scenarios with and without a webhook run as one group, their rounds interleaved on the same
  servers. After each round with a webhook the bench waits until every delivery was made and sent
  (the server gives requests the way and delivers the rest when the load stops).
${drains.length === 0 ? '' : `\nDeliveries caught up, after each round with a webhook, this long after the load stopped:\n\n${drains.map((d) => `- ${d}`).join('\n')}\n`}
${main}
${scale === '' ? '' : `\n${scale}\n`}${
    startup === ''
      ? ''
      : `\nStart-up (bench/startup.ts): \`bin/latchkey serve --database-url sqlite::memory:\` from spawn to its first \`/health\` 200,
${startupRuns} runs per checkout after one unrecorded start, checkouts in turn; the server's CPU time by then
from /proc (all its threads), the steadier figure on a busy machine.

${startup}
`
  }`
  mkdirSync(dirname(outPath), { recursive: true })
  writeFileSync(outPath, report)
  log(`\nwritten to ${outPath}`)
} finally {
  for (const t of targets) await t.stop()
  await postgres?.stop()
  if (receiver.listening) await new Promise<void>((resolve) => receiver.close(() => resolve()))
  rmSync(dir, { recursive: true, force: true })
}
