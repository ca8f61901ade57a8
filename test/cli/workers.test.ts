import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { request } from 'node:http'
import { describe, test } from 'node:test'

import { runCli, sharedDatabase, startServerProcess } from '../fixtures/cli.ts'

const json = (stdout: string) => JSON.parse(stdout.trim()) as Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

/** One request on a connection of its own, so that node:cluster may hand it to any worker. */
const onFreshConnection = (url: string, path: string, headers: Record<string, string> = {}, body?: object) =>
  new Promise<{ status: number; text: string }>((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body)
    const req = request(
      new URL(path, url),
      {
        agent: false,
        method: payload === undefined ? 'GET' : 'POST',
        headers: { ...headers, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
      },
      (res) => {
        let text = ''
        res.on('data', (chunk: Buffer) => (text += chunk.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }))
      },
    )
    req.on('error', reject)
    req.end(payload)
  })

const workerPids = (primaryPid: number): number[] => {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(primaryPid)], { encoding: 'utf8' })
      .split('\n')
      .map((line) => Number(line.trim()))
      .filter((pid) => pid > 0)
  } catch {
    return [] // ps exits 1 when there are none
  }
}

const waitFor = async (what: string, condition: () => boolean, ms = 15_000) => {
  const until = Date.now() + ms
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** The value of one series in Prometheus text, or 0 when absent. */
const series = (text: string, name: string, labels: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{${labels}}`))
  return line === undefined ? 0 : Number(line.split(' ').pop())
}

describe('serve --workers N: several processes answer on one port as one server', () => {
  test('two workers; a revocation is refused by both at once, and /metrics counts both', async () => {
    const { url: db } = await sharedDatabase()
    const ws = json(runCli(db, ['workspaces', 'create', '--name', 'Acme', '--json']).stdout)
    const key = { authorization: `Bearer ${ws.api_key}` }
    const server = await startServerProcess(db, {}, { args: ['--workers', '2'] })
    assert.match(server.stderr(), /workers: 2/)
    const pid = server.child.pid ?? 0
    assert.equal(workerPids(pid).length, 2)

    const created = await onFreshConnection(server.url, '/client_sessions/create', key, { user_identifier_key: 'jane' })
    assert.equal(created.status, 200, created.text)
    const session = JSON.parse(created.text).client_session
    const cst = { authorization: `Bearer ${session.token}` }
    for (let i = 0; i < 10; i++) assert.equal((await onFreshConnection(server.url, '/client_sessions/get', cst)).status, 200)

    const revoked = await onFreshConnection(server.url, '/client_sessions/revoke', key, { client_session_id: session.client_session_id })
    assert.equal(revoked.status, 200, revoked.text)
    for (let i = 0; i < 6; i++) {
      const refused = await onFreshConnection(server.url, '/client_sessions/get', cst)
      assert.equal(refused.status, 401)
      assert.equal(JSON.parse(refused.text).error.type, 'client_session_revoked')
    }

    // Connections alternate between the workers; every worker's answers are counted, whichever answers /metrics.
    for (let i = 0; i < 2; i++) {
      const metrics = (await onFreshConnection(server.url, '/metrics')).text
      assert.equal(series(metrics, 'latchkey_http_requests_total', 'route="/client_sessions/get",method="GET",status="200"'), 10)
      assert.equal(series(metrics, 'latchkey_http_requests_total', 'route="/client_sessions/get",method="GET",status="401"'), 6)
    }

    assert.equal(await server.stop(), 0)
    assert.match(server.stderr(), /SIGTERM: stopping 2 workers/)
    assert.deepEqual(workerPids(pid), [])
  })

  test('the rate limit is one budget across the workers', async () => {
    const { url: db } = await sharedDatabase()
    const ws = json(runCli(db, ['workspaces', 'create', '--name', 'Acme', '--json']).stdout)
    const key = { authorization: `Bearer ${ws.api_key}` }
    const server = await startServerProcess(db, {}, { args: ['--workers', '2', '--rate-limit-per-minute', '4'] })
    // Windows are whole clock minutes: start well inside one, so all seven requests share it.
    const intoMinute = Date.now() % 60_000
    if (intoMinute > 50_000) await new Promise((resolve) => setTimeout(resolve, 60_500 - intoMinute))
    const statuses = []
    for (let i = 0; i < 7; i++) statuses.push((await onFreshConnection(server.url, '/client_sessions/list', key, {})).status)
    assert.deepEqual(statuses, [200, 200, 200, 200, 429, 429, 429])
    assert.equal(await server.stop(), 0)
  })

  test('a worker that dies is replaced, and the port keeps answering', async () => {
    const { url: db } = await sharedDatabase()
    runCli(db, ['workspaces', 'create', '--name', 'Acme', '--json'])
    const server = await startServerProcess(db, {}, { args: ['--workers', '2'] })
    const pid = server.child.pid ?? 0
    const [victim] = workerPids(pid)
    assert.ok(victim !== undefined)
    process.kill(victim, 'SIGKILL')
    // The primary says so on stderr, which reaches this process on its own schedule.
    const replaced = new RegExp(`Worker ${victim} stopped \\(signal SIGKILL\\); starting another`)
    await waitFor('a replacement worker', () => {
      const pids = workerPids(pid)
      return pids.length === 2 && !pids.includes(victim) && replaced.test(server.stderr())
    })
    for (let i = 0; i < 4; i++) assert.equal((await onFreshConnection(server.url, '/health')).status, 200)

    // Workers do not outlive their primary, even one killed outright.
    const workers = workerPids(pid)
    server.child.kill('SIGKILL')
    const alive = (worker: number) => {
      try {
        process.kill(worker, 0)
        return true
      } catch {
        return false
      }
    }
    await waitFor('the workers to exit', () => !workers.some(alive))
  })

  test('workers cannot share a private in-memory database', () => {
    const result = runCli('sqlite::memory:', ['serve', '--workers', '2'])
    assert.equal(result.status, 2)
    assert.match(result.stderr, /--workers needs a database the workers can share/)
  })
})
