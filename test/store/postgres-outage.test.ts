import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import pg from 'pg'

import { startPostgres } from '../../scripts/embedded-postgres.mjs'
import { runCli, startServerProcess, TEST_SECRET } from '../fixtures/cli.ts'
import { STORE_KIND } from '../fixtures/stores.ts'

interface Outcome {
  status: number | 'reset' | 'hang'
  retryAfter: string | null
  errorType: string | null
  phase: 'before' | 'outage' | 'after'
}

interface Answer {
  status: number | 'reset' | 'hang'
  retryAfter: string | null
  json: { client_session?: { client_session_id: string }; error?: { type: string } }
}

const post = async (url: string, path: string, body: unknown, headers: Record<string, string>): Promise<Answer> => {
  try {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      // No answer at all within this long is a hang, which the contract forbids.
      signal: AbortSignal.timeout(20_000),
    })
    const json = (await res.json()) as Answer['json']
    return { status: res.status, retryAfter: res.headers.get('retry-after'), json }
  } catch (error) {
    return { status: (error as Error).name === 'TimeoutError' ? 'hang' : 'reset', retryAfter: null, json: {} }
  }
}

// Kills its own PostgreSQL (not the suite's), so it runs once, in the PostgreSQL run.
describe(
  'PostgreSQL lost under load',
  { skip: STORE_KIND === 'postgres' ? false : 'kills a PostgreSQL of its own; runs in the PostgreSQL pass' },
  () => {
    test(
      'two servers on one database survive a killed postmaster: 503 with Retry-After meanwhile, writes again after the restart, no acknowledged write lost',
      { timeout: 180_000 },
      async (t) => {
        const postgres = await startPostgres()
        try {
          const admin = new pg.Client({ connectionString: postgres.url })
          await admin.connect()
          await admin.query('CREATE DATABASE latchkey')
          await admin.end()
          const db = postgres.url.replace(/\/postgres$/, '/latchkey')
          const created = runCli(db, ['workspaces', 'create', '--name', 'Acme', '--json'], { LATCHKEY_SECRET: TEST_SECRET })
          assert.equal(created.status, 0, created.stderr)
          const apiKey = { authorization: `Bearer ${(JSON.parse(created.stdout) as { api_key: string }).api_key}` }
          const env = { LATCHKEY_SECRET: TEST_SECRET }
          const servers = [
            await startServerProcess(db, env, { args: ['--log-level', 'warn'] }),
            await startServerProcess(db, env, { args: ['--log-level', 'warn'] }),
          ]

          let phase: Outcome['phase'] = 'before'
          let stop = false
          const outcomes: Outcome[] = []
          const acknowledged: { server: number; id: string }[] = []
          // One writer and one reader per server, each a bounded loop that stops when told.
          const writer = async (server: number) => {
            for (let i = 0; !stop && i < 5_000; i++) {
              const at = phase
              const res = await post(servers[server]!.url, '/client_sessions/create', { user_identifier_key: `s${server}_${i}` }, apiKey)
              outcomes.push({ status: res.status, retryAfter: res.retryAfter, errorType: res.json.error?.type ?? null, phase: at })
              if (res.status === 200) acknowledged.push({ server, id: res.json.client_session!.client_session_id })
              if (res.status !== 200) await new Promise((resolve) => setTimeout(resolve, 20))
            }
          }
          const reader = async (server: number) => {
            for (let i = 0; !stop && i < 5_000; i++) {
              const at = phase
              const res = await post(servers[server]!.url, '/client_sessions/list', { limit: 5 }, apiKey)
              outcomes.push({ status: res.status, retryAfter: res.retryAfter, errorType: res.json.error?.type ?? null, phase: at })
              if (res.status !== 200) await new Promise((resolve) => setTimeout(resolve, 20))
            }
          }
          const load = Promise.all([writer(0), writer(1), reader(0), reader(1)])
          const waitFor = async (what: string, check: () => boolean | Promise<boolean>) => {
            for (let i = 0; i < 600; i++) {
              if (await check()) return
              await new Promise((resolve) => setTimeout(resolve, 100))
            }
            throw new Error(`timed out waiting for ${what}`)
          }
          await waitFor('writes before the outage', () => acknowledged.length >= 20)

          await postgres.kill()
          phase = 'outage'
          const lostAt = outcomes.length
          await waitFor('503s during the outage', () => outcomes.slice(lostAt).filter((o) => o.status === 503).length >= 20)
          for (const server of servers) {
            assert.equal((await fetch(`${server.url}/ready`)).status, 503, '/ready during the outage')
            assert.equal((await fetch(`${server.url}/health`)).status, 200, '/health during the outage')
          }

          await postgres.restart()
          const back = Date.now()
          phase = 'after'
          const writesBefore = acknowledged.length
          await waitFor('writes after the restart', () => acknowledged.length >= writesBefore + 20)
          const recoveredMs = Date.now() - back
          stop = true
          await load

          for (const server of servers) assert.equal(server.child.exitCode, null, `a server exited: ${server.stderr()}`)
          for (const o of outcomes) {
            assert.ok(o.status === 200 || o.status === 503, `an answer was ${o.status} (${o.errorType}) in phase ${o.phase}`)
            if (o.status === 503) {
              assert.equal(o.errorType, 'service_unavailable')
              assert.equal(o.retryAfter, '1')
            }
          }
          for (const server of servers) {
            assert.equal((await fetch(`${server.url}/ready`)).status, 200, '/ready after the restart')
          }
          // Every acknowledged write is there, read through either server.
          for (const { server, id } of acknowledged) {
            const res = await post(servers[1 - server]!.url, '/client_sessions/get', { client_session_id: id }, apiKey)
            assert.equal(res.status, 200, `acknowledged session ${id} lost`)
          }
          // What the run saw, in the test output: the recovery time is reported, never asserted.
          t.diagnostic(
            `outage: ${outcomes.filter((o) => o.status === 503).length} answers 503, ${acknowledged.length} writes acknowledged, writes back ${recoveredMs} ms after PostgreSQL accepted connections`,
          )
          for (const server of servers) assert.equal(await server.stop(), 0)
        } finally {
          await postgres.stop()
        }
      },
    )
  },
)
