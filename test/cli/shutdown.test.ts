import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { request } from 'node:http'
import { after, describe, test } from 'node:test'

import { runCli, sharedDatabase, startServerProcess, TEST_SECRET } from '../fixtures/cli.ts'
import { STORE_KIND } from '../fixtures/stores.ts'

const json = (stdout: string) => JSON.parse(stdout.trim()) as Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
const root = new URL('../../', import.meta.url).pathname

/** A POST whose body is held back until `finish` is called: a request in flight, for as long as the test wants. */
const slowPost = (url: string, path: string, headers: Record<string, string>, body: string) => {
  const target = new URL(path, url)
  let resolveAnswer: (value: { status: number; body: string }) => void = () => {}
  const answer = new Promise<{ status: number; body: string }>((resolve) => (resolveAnswer = resolve))
  const req = request(
    target,
    { method: 'POST', headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } },
    (res) => {
      let text = ''
      res.on('data', (chunk: Buffer) => (text += chunk.toString()))
      res.on('end', () => resolveAnswer({ status: res.statusCode ?? 0, body: text }))
    },
  )
  req.flushHeaders()
  req.write(body.slice(0, 5))
  return {
    finish: () => req.end(body.slice(5)),
    answer,
  }
}

describe('stopping: drain, finish in-flight requests, refuse new ones in the error envelope', () => {
  test('SIGTERM with --drain-seconds: /ready 503 first while the API still serves; then new requests get 503 service_unavailable and the in-flight one completes', async () => {
    const { url: db } = await sharedDatabase()
    const ws = json(runCli(db, ['workspaces', 'create', '--name', 'Acme', '--json']).stdout)
    const auth = { authorization: `Bearer ${ws.api_key}` }
    // The drain is long enough for the two requests made inside it on a busy machine; the test
    // waits for each phase to begin rather than sleeping for how long it should take.
    const server = await startServerProcess(db, {}, { args: ['--drain-seconds', '3'] })
    assert.equal((await fetch(`${server.url}/ready`)).status, 200)
    const inFlight = slowPost(server.url, '/client_sessions/create', auth, JSON.stringify({ user_identifier_key: 'slow' }))
    await new Promise((resolve) => setTimeout(resolve, 100))

    const exited = server.stop()
    const listNow = () =>
      fetch(`${server.url}/client_sessions/list`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{}' })
    /** The first answer of `ask` whose status is `status` (bounded). */
    const once = async (status: number, ask: () => Promise<Response>) => {
      for (let i = 0; i < 600; i++) {
        // When closing begins the server closes its idle keep-alive connections; a request that
        // fetch sent on one at that instant finds it closed (HTTP/1.1's race, which clients meet
        // by retrying). Ask again on a new connection.
        const res = await ask().catch((error: unknown) => {
          if ((error as { cause?: { code?: string } }).cause?.code === 'UND_ERR_SOCKET') return undefined
          throw error
        })
        if (res === undefined) continue
        if (res.status === status) return res
        await res.arrayBuffer()
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      throw new Error(`never answered ${status}`)
    }
    // Draining: readiness says no, liveness yes, and the API still serves.
    const ready = await once(503, () => fetch(`${server.url}/ready`))
    assert.equal(((await ready.json()) as { error: { type: string } }).error.type, 'service_unavailable')
    assert.equal((await fetch(`${server.url}/health`)).status, 200)
    assert.equal((await listNow()).status, 200)

    // Closing: a new request is refused in the envelope while the slow one is still in flight.
    const refused = await once(503, listNow)
    const envelope = (await refused.json()) as { ok: boolean; error: { type: string; request_id: string } }
    assert.equal(envelope.ok, false)
    assert.equal(envelope.error.type, 'service_unavailable')
    assert.equal(envelope.error.request_id, refused.headers.get('seam-request-id'))

    inFlight.finish()
    const answered = await inFlight.answer
    assert.equal(answered.status, 200, answered.body)
    assert.equal(await exited, 0)
    // The acknowledged write is there after the restart.
    const again = await startServerProcess(db)
    const list = await fetch(`${again.url}/client_sessions/list`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: '{}',
    })
    assert.deepEqual(
      ((await list.json()) as { client_sessions: { user_identifier_key: string }[] }).client_sessions.map((s) => s.user_identifier_key),
      ['slow'],
    )
    assert.equal(await again.stop(), 0)
  })

  test('SIGTERM to the pid `npm start` runs under stops the server and frees the port', async () => {
    const { url: db } = await sharedDatabase()
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: db,
      ...(STORE_KIND === 'postgres' ? { LATCHKEY_SECRET: TEST_SECRET } : {}),
    }
    const npm = spawn('npm', ['start', '--silent', '--', '--host', '127.0.0.1', '--port', '0'], { cwd: root, env })
    after(() => {
      if (npm.exitCode === null) npm.kill('SIGKILL')
    })
    let stderr = ''
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start did not listen: ${stderr}`)), 120_000)
      npm.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString()
        const match = /listening on (http:\/\/\S+)/.exec(stderr)
        if (match?.[1] !== undefined) {
          clearTimeout(timer)
          resolve(match[1])
        }
      })
    })
    assert.equal((await fetch(`${url}/health`)).status, 200)
    const exited = new Promise<number | null>((resolve) => npm.on('exit', (code) => resolve(code)))
    npm.kill('SIGTERM')
    await exited
    // Nothing keeps the port: the server itself stopped, not only npm.
    await assert.rejects(async () => {
      for (let i = 0; i < 50; i++) {
        await fetch(`${url}/health`)
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    })
  })
})
