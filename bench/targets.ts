import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

/** A server under test, in its own process so the load generator does not share its event loop. */
export interface Target {
  name: string
  url: string
  child: ChildProcess
  /** Peak resident memory of the server process so far (VmHWM), in MB. */
  peakRssMb(): number
  /** CPU time (user + system) the server process has used so far, in seconds. */
  cpuSeconds(): number
  stop(): Promise<void>
}

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0))
    })
  })

const waitUntilServing = async (url: string, child: ChildProcess, path: string) => {
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: server exited with ${child.exitCode}`)
    try {
      await fetch(`${url}${path}`)
      return
    } catch {
      await new Promise((r) => setTimeout(r, 100))
    }
  }
  throw new Error(`${url}: not serving after 30 s`)
}

export interface StartOptions {
  /** Pin the server to this CPU (taskset), so CPU per request is measured on one core. */
  cpu?: number
  /** Run from another checkout (a build of an earlier commit), for before/after runs. */
  cwd?: string
  /** Node's own options before the script (e.g. `--cpu-prof`, bench/profile.ts). */
  nodeArgs?: string[]
}

const start = async (
  name: string,
  args: string[],
  env: Record<string, string>,
  readyPath: string,
  options: StartOptions = {},
): Promise<Target> => {
  const port = await freePort()
  const nodeArgs = [...(options.nodeArgs ?? []), ...args]
  const [command, argv] =
    options.cpu === undefined ? [process.execPath, nodeArgs] : ['taskset', ['-c', String(options.cpu), process.execPath, ...nodeArgs]]
  const child = spawn(command, argv, {
    cwd: options.cwd ?? root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000)
  })
  const url = `http://127.0.0.1:${port}`
  try {
    await waitUntilServing(url, child, readyPath)
  } catch (error) {
    child.kill('SIGKILL')
    throw new Error(`${(error as Error).message}\n${stderr}`)
  }
  return {
    name,
    url,
    child,
    peakRssMb() {
      try {
        const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]
        return kb === undefined ? Number.NaN : Number(kb) / 1024
      } catch {
        return Number.NaN
      }
    },
    cpuSeconds() {
      // Fields 14 and 15 of /proc/<pid>/stat: utime and stime in clock ticks (100 per second).
      // With taskset the pid is taskset's until it execs node, which it does at once.
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
      return (Number(fields[11]) + Number(fields[12])) / 100
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
        child.once('exit', () => {
          clearTimeout(timer)
          resolve()
        })
        child.kill('SIGTERM')
      }),
  }
}

/** Latchkey itself, exactly as users run it (`bin/latchkey serve`), with its request logs on. */
export const startLatchkey = (name: string, databaseUrl: string, secret: string, extraArgs: string[] = [], options: StartOptions = {}) =>
  start(name, ['bin/latchkey', 'serve', '--database-url', databaseUrl, ...extraArgs], { LATCHKEY_SECRET: secret }, '/health', options)

export const startBare = (body: string, options: StartOptions = {}, workers = 1) =>
  start(
    workers > 1 ? `bare node:http, ${workers} workers` : 'bare node:http',
    [`${root}bench/bare-server.mjs`],
    { BENCH_BODY: body, BENCH_WORKERS: String(workers) },
    '/',
    options,
  )

/** Fastify with one route answering the same fixed body, no hooks: what the framework itself costs. */
export const startEmptyFastify = (body: string, options: StartOptions = {}) =>
  start('empty Fastify', [`${root}bench/empty-fastify.mjs`], { BENCH_BODY: body }, '/', options)

/** Seam's own fake, seeded with its default data (tokens seam_cst1_token, seam_apikey1_token). */
export const startFake = () =>
  start('fake-seam-connect', ['node_modules/@seamapi/fake-seam-connect/dist/server.js', '--seed'], { NODE_ENV: 'production' }, '/health')

/** Fastify doing only what a client-session-token read cannot skip, for one token: a reference point (minimal-cst-server.mjs). */
export const startMinimalCst = (body: string, cst: string) =>
  start('Fastify, minimum CST read', [`${root}bench/minimal-cst-server.mjs`], { BENCH_BODY: body, BENCH_CST: cst }, '/client_sessions/get')
