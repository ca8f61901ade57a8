import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { createServer } from 'node:http'
import { describe, test } from 'node:test'
import { promisify } from 'node:util'

import { SeamWebhook } from '@seamapi/webhook'

import { BIN, runCli, sharedDatabase, startServerProcess, TEST_SECRET } from '../fixtures/cli.ts'
import { STORE_KIND } from '../fixtures/stores.ts'
import { startReceiver } from './receiver.ts'

const WEBHOOK_ENV = {
  LATCHKEY_WEBHOOK_ALLOW_HOSTS: '127.0.0.1',
  LATCHKEY_WEBHOOK_RETRY_SCHEDULE: '0.2,0.2,0.2,0.2,0.2,0.2,0.2,0.2,0.2,0.2',
}

const api = async (url: string, path: string, body: unknown, apiKey: string) => {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as Record<string, any> } // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** A sandbox workspace, made through the admin CLI. */
const newWorkspace = (db: string) =>
  JSON.parse(runCli(db, ['workspaces', 'create', '--name', 'Acme', '--sandbox', '--json']).stdout) as {
    workspace_id: string
    api_key: string
  }

const signIn = async (url: string, apiKey: string) => {
  const webview = (await api(url, '/connect_webviews/create', {}, apiKey)).body.connect_webview as { url: string }
  const res = await fetch(webview.url, {
    method: 'POST',
    body: new URLSearchParams({ email: 'jane@example.com', password: '1234', code: '123456' }),
    redirect: 'manual',
  })
  assert.equal(res.status, 200)
}

interface ListedDelivery {
  delivery_id: string
  event_id: string
  status: string
  attempts: number
  attempt_log: { status: number | null; error: string | null }[]
}

/**
 * The deliveries as the CLI lists them. Run without blocking: the receivers live in this process,
 * and a receiver that cannot answer while a CLI process runs (spawnSync) would fail deliveries
 * by the dispatcher's timeout on a slow machine.
 */
const cli = async (db: string, args: string[]): Promise<{ status: number; stdout: string; stderr: string }> => {
  const env = { ...process.env, DATABASE_URL: db, ...(STORE_KIND === 'postgres' ? { LATCHKEY_SECRET: TEST_SECRET } : {}) }
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 60_000 })
    return { status: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string }
    return { status: typeof failed.code === 'number' ? failed.code : -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' }
  }
}

const deliveriesOf = async (db: string) =>
  (JSON.parse((await cli(db, ['webhooks', 'deliveries', '--json'])).stdout) as { deliveries: ListedDelivery[] }).deliveries

/** Waits (bounded) until the CLI reports no pending delivery. */
/**
 * The deliveries once `expected` of them exist and none is pending. Events fan out into deliveries
 * in the background, so fewer may exist at first; waiting for their number, not for a quiet
 * moment, keeps this independent of how fast the machine is.
 */
const allSettled = async (db: string, expected = 1) => {
  for (let i = 0; i < 300; i++) {
    const all = await deliveriesOf(db)
    if (all.length >= expected && all.every((d) => d.status !== 'pending')) return all
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return deliveriesOf(db)
}

describe('webhook deliveries across processes', () => {
  test('events acknowledged before a kill -9 are delivered after the restart', async () => {
    const { url: db } = await sharedDatabase()
    // A port with nothing listening yet: the receiver comes up only after the crash.
    const probe = await startReceiver()
    const port = probe.port
    await probe.close()
    let server = await startServerProcess(db, WEBHOOK_ENV)
    const ws = newWorkspace(db)
    const { secret } = (await api(server.url, '/webhooks/create', { url: `http://127.0.0.1:${port}/hooks` }, ws.api_key)).body.webhook as {
      secret: string
    }
    await signIn(server.url, ws.api_key)
    const events = (await api(server.url, '/events/list', {}, ws.api_key)).body.events as { event_id: string }[]
    assert.ok(events.length >= 3, `${events.length} events`)
    server.child.kill('SIGKILL')
    await new Promise((resolve) => server.child.once('exit', resolve))

    // A receiver on the very port the webhook names.
    const got: { headers: Record<string, string>; body: string }[] = []
    const listener = createServer((req, res) => {
      let body = ''
      req.setEncoding('utf8')
      req.on('data', (c: string) => (body += c))
      req.on('end', () => {
        got.push({ headers: req.headers as Record<string, string>, body })
        res.end()
      })
    })
    await new Promise<void>((resolve) => listener.listen(port, '127.0.0.1', resolve))
    try {
      server = await startServerProcess(db, WEBHOOK_ENV)
      const settled = await allSettled(db, events.length)
      assert.deepEqual(
        settled.map((d) => d.status),
        settled.map(() => 'succeeded'),
      )
      const eventIdOf = (r: { headers: Record<string, string>; body: string }): string => {
        const verified: unknown = new SeamWebhook(secret).verify(r.body, r.headers)
        return (verified as { event_id: string }).event_id
      }
      const delivered = new Set(got.map(eventIdOf))
      assert.deepEqual([...delivered].sort(), events.map((e) => e.event_id).sort())
      assert.equal(await server.stop(), 0)
    } finally {
      await new Promise<void>((resolve) => listener.close(() => resolve()))
    }
  })

  test('two servers on one database: each event is delivered once when the receiver answers 2xx', async () => {
    const { url: db } = await sharedDatabase()
    const a = await startServerProcess(db, WEBHOOK_ENV)
    const b = await startServerProcess(db, WEBHOOK_ENV)
    const ws = newWorkspace(db)
    const receiver = await startReceiver()
    await api(a.url, '/webhooks/create', { url: receiver.url, event_types: ['lock.locked', 'lock.unlocked'] }, ws.api_key)
    await signIn(a.url, ws.api_key)
    const locks = (await api(a.url, '/locks/list', {}, ws.api_key)).body.locks as { device_id: string }[]
    const actions = 24
    for (let i = 0; i < actions; i++) {
      const server = i % 2 === 0 ? a : b
      const lock = locks[i % locks.length]?.device_id
      const res = await api(server.url, i % 4 < 2 ? '/locks/unlock_door' : '/locks/lock_door', { device_id: lock }, ws.api_key)
      assert.equal(
        res.status,
        200,
        JSON.stringify(res.body) +
          server
            .stdout()
            .split('\n')
            .filter((l) => l.includes('"level":50') || l.includes('rror'))
            .join('\n'),
      )
    }
    const settled = await allSettled(db, actions)
    assert.equal(settled.length, actions)
    assert.ok(settled.every((d) => d.status === 'succeeded' && d.attempts === 1))
    const ids = receiver.received.map((r) => r.headers['svix-id'])
    assert.equal(ids.length, actions, 'one request per event')
    assert.equal(new Set(ids).size, actions, 'no event twice')
    assert.equal(await a.stop(), 0)
    assert.equal(await b.stop(), 0)
  })

  test('latchkey webhooks deliveries --failed lists what failed; redeliver sends it again', async () => {
    const { url: db } = await sharedDatabase()
    const server = await startServerProcess(db, { ...WEBHOOK_ENV, LATCHKEY_WEBHOOK_RETRY_SCHEDULE: '0.1' })
    const ws = newWorkspace(db)
    let healthy = false
    const receiver = await startReceiver(() => (healthy ? 200 : 500))
    await api(server.url, '/webhooks/create', { url: receiver.url, event_types: ['connect_webview.login_succeeded'] }, ws.api_key)
    await signIn(server.url, ws.api_key)
    const [failed] = await allSettled(db)
    assert.equal(failed?.status, 'failed', JSON.stringify(failed))
    assert.equal(failed.attempts, 2)
    const listed = JSON.parse((await cli(db, ['webhooks', 'deliveries', '--failed', '--json'])).stdout) as {
      deliveries: { delivery_id: string; attempt_log: { status: number }[] }[]
    }
    assert.deepEqual(
      listed.deliveries.map((d) => d.delivery_id),
      [failed.delivery_id],
    )
    assert.deepEqual(
      listed.deliveries[0]?.attempt_log.map((a) => a.status),
      [500, 500],
    )
    assert.match((await cli(db, ['webhooks', 'deliveries'])).stdout, /failed +attempts 2 +last answer 500/)

    healthy = true
    const again = await cli(db, ['webhooks', 'redeliver', '--delivery', failed.delivery_id])
    assert.equal(again.status, 0, again.stderr)
    const [done] = await allSettled(db)
    assert.equal(done?.status, 'succeeded', JSON.stringify(done))
    assert.equal(done.attempts, 3)
    assert.equal(new Set(receiver.received.map((r) => r.headers['svix-id'])).size, 1, 'the same svix-id on the redelivery')
    assert.equal((await cli(db, ['webhooks', 'redeliver', '--delivery', 'nope'])).status, 2)
    assert.equal(await server.stop(), 0)
  })
})
