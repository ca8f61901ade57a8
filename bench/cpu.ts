/**
 * CPU time per request, the measure that survives a noisy shared machine better than req/s:
 * each server pinned to CPU 1 (taskset), the load generator to CPU 0, a fixed number of
 * requests per run, and the server's own CPU time (user + system, from /proc) divided by them.
 * Bare node:http, an empty Fastify app and Latchkey on SQLite, plus, with --before DIR, a build
 * of an earlier commit (a checkout with `npm run build` done), all in one run, alternating.
 *
 *   node --import tsx bench/cpu.ts [--requests N] [--rounds N] [--scenarios a,b] [--before DIR]
 *
 * Loopback only; bounded by the request count.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

import autocannon from 'autocannon'

import type { LoadRequest } from './load.ts'
import { forgetNewerMigrations, olderSeed } from './older-checkout.ts'
import { SCENARIOS } from './scenarios.ts'
import { seedBenchData } from './seed.ts'
import { startBare, startEmptyFastify, startLatchkey, type Target } from './targets.ts'

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '20000' },
    rounds: { type: 'string', default: '2' },
    scenarios: { type: 'string', default: 'cst_get,api_key_get,get_or_create,create' },
    before: { type: 'string' },
  },
})
const requests = Number(values.requests)
const rounds = Number(values.rounds)
const chosen = values.scenarios.split(',')
const secret = 'bench-secret-'.padEnd(48, 'x')
const log = (line: string) => process.stderr.write(`${line}\n`)

// The load generator keeps to CPU 0; every server is pinned to CPU 1.
spawnSync('taskset', ['-p', '-c', '0', String(process.pid)])
const pinned = { cpu: 1 }

const drive = (url: string, request: LoadRequest, amount: number) =>
  autocannon({
    url,
    connections: 32,
    amount,
    requests: [
      {
        method: request.method,
        path: request.path,
        headers: { ...request.headers, ...(request.body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(typeof request.body === 'string' ? { body: request.body } : {}),
        ...(typeof request.body === 'function'
          ? { setupRequest: (req: autocannon.Request) => ({ ...req, body: (request.body as () => string)() }) }
          : {}),
      },
    ],
  })

const WRITE_SCENARIOS = ['unlock_door', 'unlock_door_webhook', 'delete', 'delete_webhook']
const receiver = createServer((req, res) => {
  req.resume()
  req.on('end', () => {
    res.statusCode = 204
    res.end()
  })
})

const dir = mkdtempSync(join(tmpdir(), 'latchkey-cpu-'))
const targets: Target[] = []
try {
  // The write scenarios need a workspace with a webhook, delivered to a receiver here that answers 204.
  const wantsWrites = chosen.some((name) => WRITE_SCENARIOS.includes(name))
  if (wantsWrites) {
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
    process.env.LATCHKEY_WEBHOOK_ALLOW_HOSTS = '127.0.0.1'
  }
  const writes = wantsWrites
    ? { webhookUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`, deletable: requests * (rounds + 1) + 2000 }
    : undefined
  const seed = (name: string) => seedBenchData({ kind: 'sqlite', path: join(dir, `${name}.sqlite`) }, secret, 1000, writes)
  const now = await seed('now')
  const latchkey = await startLatchkey('Latchkey SQLite', `sqlite:${join(dir, 'now.sqlite')}`, secret, [], pinned)
  targets.push(latchkey)
  const servers: { target: Target; data: typeof now }[] = [{ target: latchkey, data: now }]
  if (values.before !== undefined) {
    // Seeded by the older checkout itself: its token format and schema.
    const seedBefore = await olderSeed(values.before, seedBenchData)
    const then = await seedBefore({ kind: 'sqlite', path: join(dir, 'before.sqlite') }, secret, 1000, writes)
    forgetNewerMigrations(join(dir, 'before.sqlite'), values.before)
    const before = await startLatchkey('Latchkey SQLite, before', `sqlite:${join(dir, 'before.sqlite')}`, secret, [], {
      ...pinned,
      cwd: values.before,
    })
    targets.push(before)
    servers.push({ target: before, data: then })
  }
  const rows: string[] = []
  for (const scenario of SCENARIOS.filter((s) => chosen.includes(s.name))) {
    // The ceilings answer a body of the same size as Latchkey's answer to this scenario.
    // A write scenario's body is made per request (each delete takes the next seeded id); the
    // sample and the ceilings take one fixed body, so they use up none of Latchkey's ids.
    const made = scenario.latchkey(now)
    const fixedBody = typeof made.body === 'function' ? made.body() : made.body
    const sample: LoadRequest = {
      method: made.method,
      path: made.path,
      headers: made.headers,
      ...(fixedBody === undefined ? {} : { body: fixedBody }),
    }
    const res = await fetch(`${latchkey.url}${sample.path}`, {
      method: sample.method,
      headers: { ...sample.headers, 'content-type': 'application/json' },
      ...(fixedBody === undefined ? {} : { body: fixedBody }),
    })
    const body = await res.text()
    const bare = await startBare(body, pinned)
    const fastify = await startEmptyFastify(body, pinned)
    targets.push(bare, fastify)
    const runs = [
      { target: bare, request: () => sample },
      { target: fastify, request: () => sample },
      ...servers.map(({ target, data }) => ({ target, request: () => scenario.latchkey(data) })),
    ]
    const perRequest = new Map<Target, number[]>()
    for (const run of runs) await drive(run.target.url, run.request(), 2000)
    for (let round = 0; round < rounds; round++) {
      for (const run of round % 2 === 0 ? runs : [...runs].reverse()) {
        const before = run.target.cpuSeconds()
        const result = await drive(run.target.url, run.request(), requests)
        const used = run.target.cpuSeconds() - before
        if (result.errors > 0 || result.non2xx > 0)
          throw new Error(
            `${run.target.name}: ${result.errors} errors, ${result.non2xx} non-2xx (status codes ${JSON.stringify(result.statusCodeStats)})`,
          )
        perRequest.set(run.target, [...(perRequest.get(run.target) ?? []), (used / requests) * 1e6])
      }
    }
    // The median resists a round spoiled by another job on the shared cores; the lowest round
    // is what the code costs when nothing else interferes (interference only ever adds).
    const median = (xs: number[]) => {
      const sorted = [...xs].sort((a, b) => a - b)
      const middle = Math.floor(sorted.length / 2)
      return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
    }
    const bareUs = median(perRequest.get(bare) ?? [])
    for (const run of runs) {
      const samples = perRequest.get(run.target) ?? []
      const us = median(samples)
      rows.push(
        `| ${scenario.label} | ${run.target.name} | ${us.toFixed(0)} | ${Math.min(...samples).toFixed(0)} | ${(bareUs / us).toFixed(2)}× |`,
      )
    }
    log(`${scenario.name} done`)
    await bare.stop()
    await fastify.stop()
  }
  process.stdout.write(
    [
      `CPU per request, ${requests} requests × ${rounds} alternating rounds, 32 connections, server on CPU 1, load on CPU 0:`,
      '',
      '| scenario | server | CPU µs per request (median of rounds) | lowest round | bare ÷ server (medians) |',
      '|---|---|---:|---:|---:|',
      ...rows,
      '',
    ].join('\n'),
  )
} finally {
  for (const target of targets) await target.stop()
  receiver.close()
  rmSync(dir, { recursive: true, force: true })
}
