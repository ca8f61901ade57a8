/**
 * Start-up time: `bin/latchkey serve --database-url sqlite::memory:` timed as a whole process, from
 * spawn to the first `/health` answered 200, over several runs; the median is the figure to quote.
 * Run alone (`node --import tsx bench/startup.ts [--runs N] [--before DIR]`) or by `npm run bench`,
 * which adds its table to the report. With `--before DIR` (a built checkout of an earlier commit)
 * both start in turn, run by run, so drift in the machine's speed hits both alike.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { request } from 'node:http'
import { createServer } from 'node:net'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

/** This checkout, whose bin/latchkey is timed unless another is named. */
export const LATCHKEY_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)))

/** A port free now, found by binding port 0 and letting it go. */
const freePort = (): Promise<number> =>
  new Promise((done, fail) => {
    const probe = createServer()
    probe.once('error', fail)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => done(port))
    })
  })

/** One GET /health: its status, or 0 when nothing listens yet. */
const health = (port: number): Promise<number> =>
  new Promise((done) => {
    const req = request({ host: '127.0.0.1', port, path: '/health', agent: false }, (res) => {
      res.resume()
      done(res.statusCode ?? 0)
    })
    req.once('error', () => done(0))
    req.end()
  })

/**
 * CPU time the process has used so far, in milliseconds, summed over its threads (Linux's
 * /proc/<pid>/task/<tid>/schedstat, in nanoseconds); NaN where there is no /proc. On a shared,
 * busy machine the wall time waits for cores others hold, while the CPU time is what start-up costs.
 */
const cpuMs = (pid: number): number => {
  try {
    let ns = 0
    for (const tid of readdirSync(`/proc/${pid}/task`))
      ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0])
    return ns / 1e6
  } catch {
    return Number.NaN
  }
}

export interface StartupTime {
  /** From spawn to the first /health answered 200. */
  wallMs: number
  /** The server's CPU time by then. */
  cpuMs: number
}

/** A server to time: a built checkout, and any arguments `serve` gets beyond the in-memory store (a seed file). */
export interface StartupCheckout {
  name: string
  cwd: string
  args?: readonly string[]
}

/** The example seed a CI job would start with (examples/seed.json), timed as its own row. */
export const SEEDED = (root: string): StartupCheckout => ({
  name: 'Latchkey, --seed examples/seed.json',
  cwd: root,
  args: ['--seed', join(root, 'examples/seed.json')],
})

/** How long the server in `cwd` takes from spawn to its first /health 200; the process is then stopped. */
export const timeStartup = async (cwd: string, extraArgs: readonly string[] = [], timeoutMs = 20_000): Promise<StartupTime> => {
  const port = await freePort()
  // The sandbox workspace's keys, which every start in memory creates, go to a place of their own.
  const keys = mkdtempSync(join(tmpdir(), 'latchkey-startup-'))
  const args = ['serve', '--database-url', 'sqlite::memory:', '--host', '127.0.0.1', '--port', String(port), ...extraArgs]
  const started = performance.now()
  const child = spawn(process.execPath, [join(cwd, 'bin/latchkey'), ...args, '--sandbox-keys-file', join(keys, 'keys.json')], {
    cwd,
    stdio: ['ignore', 'ignore', 'ignore'],
  })
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server in ${cwd} exited with ${child.exitCode} before answering`)
      if ((await health(port)) === 200) return { wallMs: performance.now() - started, cpuMs: cpuMs(child.pid as number) }
      if (performance.now() - started > timeoutMs) throw new Error(`server in ${cwd} did not answer /health within ${timeoutMs} ms`)
      // Polling every 2 ms bounds the error of the figure without taking much of a core from the server.
      await new Promise((done) => setTimeout(done, 2))
    }
  } finally {
    child.kill('SIGINT')
    await exited
    rmSync(keys, { recursive: true, force: true })
  }
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

/** Times each checkout `runs` times, in turn, after one unrecorded start of each; a Markdown table of the results. */
export const runStartup = async (checkouts: StartupCheckout[], runs: number, log = (_: string) => {}): Promise<string> => {
  for (const c of checkouts) await timeStartup(c.cwd, c.args) // the disk cache and V8's code cache warmed alike
  const times = new Map(checkouts.map((c) => [c.name, [] as StartupTime[]]))
  for (let run = 0; run < runs; run++) {
    for (const c of run % 2 === 0 ? checkouts : [...checkouts].reverse()) {
      const time = await timeStartup(c.cwd, c.args)
      times.get(c.name)?.push(time)
      log(`  startup · ${c.name}: ${time.wallMs.toFixed(0)} ms, ${time.cpuMs.toFixed(0)} ms CPU`)
    }
  }
  const figures = (values: number[]) =>
    `${median(values).toFixed(0)} | ${Math.min(...values).toFixed(0)} | ${Math.max(...values).toFixed(0)}`
  const rows = checkouts.map((c) => {
    const t = times.get(c.name) ?? []
    return `| ${c.name} | ${figures(t.map((x) => x.wallMs))} | ${figures(t.map((x) => x.cpuMs))} | ${t.length} |`
  })
  return [
    '| start-up to first /health 200 (sqlite::memory:) | wall median ms | min | max | server CPU median ms | min | max | runs |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n')
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '9' }, before: { type: 'string' } } })
  const checkouts = [
    ...(values.before === undefined ? [] : [{ name: 'before', cwd: resolve(values.before) }]),
    { name: values.before === undefined ? 'Latchkey' : 'after', cwd: LATCHKEY_ROOT },
    SEEDED(LATCHKEY_ROOT),
  ]
  const log = (line: string) => process.stderr.write(`${line}\n`)
  process.stdout.write(`${await runStartup(checkouts, Number(values.runs), log)}\n`)
}
