/**
 * Where one scenario's time goes: Latchkey on SQLite under `--cpu-prof`, a fixed number of
 * requests from autocannon, then the profile read back as CPU µs per request by function
 * (inclusive: the function and what it calls), the event loop's idle time left out.
 *
 *   node --import tsx bench/profile.ts --scenario api_key_get [--requests 50000] [--top 40] [--checkout DIR]
 *
 * `--checkout DIR` profiles another checkout (a build of an earlier commit), seeded by its own seeding.
 *
 * The profiler adds its own cost; read the shares, and take totals from bench/cpu.ts.
 * Loopback only; bounded by the request count.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

import autocannon from 'autocannon'

import { olderSeed } from './older-checkout.ts'
import { SCENARIOS } from './scenarios.ts'
import { seedBenchData } from './seed.ts'
import { startLatchkey } from './targets.ts'

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'api_key_get' },
    requests: { type: 'string', default: '50000' },
    top: { type: 'string', default: '40' },
    checkout: { type: 'string' },
  },
})
const scenario = SCENARIOS.find((s) => s.name === values.scenario)
if (scenario === undefined) throw new Error(`no scenario ${values.scenario}: ${SCENARIOS.map((s) => s.name).join(', ')}`)
const requests = Number(values.requests)
const secret = 'bench-secret-'.padEnd(48, 'x')

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

const dir = mkdtempSync(join(tmpdir(), 'latchkey-profile-'))
const profiles = join(dir, 'profiles')
try {
  const path = join(dir, 'bench.sqlite')
  const seed = values.checkout === undefined ? seedBenchData : await olderSeed(values.checkout, seedBenchData)
  const data = await seed({ kind: 'sqlite', path }, secret, 1000)
  const server = await startLatchkey('Latchkey SQLite', `sqlite:${path}`, secret, [], {
    nodeArgs: ['--cpu-prof', '--cpu-prof-dir', profiles],
    ...(values.checkout === undefined ? {} : { cwd: values.checkout }),
  })
  const request = scenario.latchkey(data)
  const drive = (amount: number) =>
    autocannon({
      url: server.url,
      connections: 32,
      amount,
      requests: [
        {
          method: request.method,
          path: request.path,
          headers: { ...request.headers, ...(request.body === undefined ? {} : { 'content-type': 'application/json' }) },
          ...(typeof request.body === 'string' ? { body: request.body } : {}),
          ...(typeof request.body === 'function'
            ? { setupRequest: (r: autocannon.Request) => ({ ...r, body: (request.body as () => string)() }) }
            : {}),
        },
      ],
    })
  // Warm-up requests are profiled too but counted: the JIT's first seconds are a small share.
  const result = await drive(requests)
  if (result.errors > 0 || result.non2xx > 0) throw new Error(`${result.errors} errors, ${result.non2xx} non-2xx`)
  // A graceful stop lets Node write the profile, which takes a few seconds for a long run.
  await new Promise<void>((resolve) => {
    server.child.once('exit', () => resolve())
    server.child.kill('SIGINT')
  })
  // The main thread's profile is the one that served (the checkpoint worker writes its own).
  const files = readdirSync(profiles).map((name) => join(profiles, name))
  const [main] = files
    .map((file) => ({ file, profile: JSON.parse(readFileSync(file, 'utf8')) as Profile }))
    .filter(({ profile }) => profile.nodes.some((node) => node.callFrame.functionName === 'parserOnIncoming'))
  if (main === undefined) throw new Error('no profile written')
  const { nodes, samples, timeDeltas } = main.profile
  const byId = new Map(nodes.map((node) => [node.id, node]))
  const parentOf = new Map<number, number>()
  for (const node of nodes) for (const child of node.children ?? []) parentOf.set(child, node.id)
  const sampled = new Map<number, number>()
  samples.forEach((id, i) => sampled.set(id, (sampled.get(id) ?? 0) + (timeDeltas[i] ?? 0)))
  const label = ({ callFrame: f }: ProfileNode) =>
    `${f.functionName || '(anonymous)'} ${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}`
  const inclusive = new Map<string, number>()
  let busy = 0
  for (const [id, micros] of sampled) {
    const leaf = byId.get(id)
    if (leaf === undefined || leaf.callFrame.functionName === '(idle)') continue
    busy += micros
    const seen = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const node = byId.get(at)
      if (node === undefined) break
      const name = label(node)
      if (seen.has(name)) continue
      seen.add(name)
      inclusive.set(name, (inclusive.get(name) ?? 0) + micros)
    }
  }
  console.log(
    `${scenario.label}: ${requests} requests, ${(busy / requests).toFixed(1)} µs of CPU per request on the main thread (profiled)`,
  )
  console.log('| µs per request | share | function (inclusive) |\n|---:|---:|---|')
  for (const [name, micros] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top)))
    console.log(`| ${(micros / requests).toFixed(1)} | ${((100 * micros) / busy).toFixed(0)} % | \`${name}\` |`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
