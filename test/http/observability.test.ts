import assert from 'node:assert/strict'
import { Writable } from 'node:stream'
import { describe, test } from 'node:test'

import { bearer, createWorld } from '../fixtures/world.ts'

/** Collects JSON log lines as pino writes them. */
const logCollector = () => {
  const lines: Record<string, unknown>[] = []
  const raw: string[] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        raw.push(line)
        lines.push(JSON.parse(line) as Record<string, unknown>)
      }
      done()
    },
  })
  return { stream, lines, raw }
}

describe('observability', () => {
  test('GET /metrics: requests by route, method and status, latency histograms, store query latency, sessions created and revoked', async () => {
    const w = await createWorld()
    const session = await w.session({ user_identifier_key: 'jane' })
    await w.api('/client_sessions/list')
    await w.api('/client_sessions/revoke', { client_session_id: session.client_session_id })
    await w.api('/client_sessions/get', { client_session_id: 'nope' })
    await w.request({ method: 'GET', url: '/no/such/route' })
    const res = await w.request({ method: 'GET', url: '/metrics' })
    assert.equal(res.status, 200)
    assert.match(String(res.headers['content-type']), /^text\/plain; version=0\.0\.4/)
    const text = res.text
    assert.match(text, /^latchkey_http_requests_total\{route="\/client_sessions\/create",method="POST",status="200"\} 1$/m)
    assert.match(text, /^latchkey_http_requests_total\{route="\/client_sessions\/get",method="POST",status="400"\} 1$/m)
    assert.match(text, /^latchkey_http_requests_total\{route="unmatched",method="GET",status="404"\} 1$/m)
    assert.match(text, /^latchkey_http_request_duration_seconds_bucket\{le="0\.005",route="\/client_sessions\/list",method="POST"\} \d+$/m)
    assert.match(text, /^latchkey_http_request_duration_seconds_count\{route="\/client_sessions\/list",method="POST"\} 1$/m)
    assert.match(text, /^latchkey_store_query_duration_seconds_count\{operation="insertClientSession"\} 1$/m)
    assert.match(text, /^latchkey_store_query_duration_seconds_count\{operation="findApiKey"\} [4-9]$/m)
    assert.match(text, /^latchkey_client_sessions_created_total 1$/m)
    assert.match(text, /^latchkey_client_sessions_revoked_total 1$/m)
    assert.match(text, /^latchkey_process_resident_memory_bytes \d+/m)
    // Raw URLs never become labels: cardinality stays bounded.
    assert.doesNotMatch(text, /no\/such\/route/)
  })

  test('request log lines carry error_type, workspace_id, credential kind and client address, and never a credential', async () => {
    const logs = logCollector()
    const w = await createWorld({ logStream: logs.stream })
    const session = await w.session({ user_identifier_key: 'jane' })
    await w.api('/client_sessions/get', {}, w.as.cst(session.token))
    await w.api('/client_sessions/list', {}, bearer('seam_nope_nopenopenopenope'))
    await w.api('/client_sessions/get_or_create', { user_identifier_key: 'kim' }, w.as.publishable())
    await w.api('/client_sessions/list', {}, w.as.pat)
    await w.app.close()
    const requests = logs.lines.filter((line) => line.msg === 'request')
    const byRoute = (status: number, credential: string | null) =>
      requests.find((line) => line.status === status && line.credential === credential)
    const created = byRoute(200, 'api_key')
    assert.equal(created?.workspace_id, w.ws.workspace_id)
    assert.equal(created?.error_type, null)
    assert.equal(created?.client_address, '127.0.0.1')
    assert.equal(created?.route, '/client_sessions/create')
    assert.match(String(created?.request_id), /^[0-9a-f-]{36}$/)
    assert.equal(byRoute(200, 'client_session_token')?.workspace_id, w.ws.workspace_id)
    assert.equal(byRoute(200, 'publishable_key')?.workspace_id, w.ws.workspace_id)
    assert.equal(byRoute(200, 'personal_access_token')?.workspace_id, w.ws.workspace_id)
    const refused = requests.find((line) => line.status === 401)
    assert.equal(refused?.error_type, 'unauthorized')
    assert.equal(refused?.workspace_id, null)
    const everything = logs.raw.join('\n')
    for (const secret of [
      w.ws.api_key,
      w.ws.publishable_key,
      session.token,
      w.as.pat.authorization!.slice('Bearer '.length),
      'seam_nope_nopenopenopenope',
    ]) {
      assert.ok(!everything.includes(secret), 'a credential reached the log')
    }
  })

  test('/health is liveness only; /ready answers 503 when the store does not', async () => {
    const w = await createWorld({ manualDispose: true })
    assert.equal((await w.request({ method: 'GET', url: '/ready' })).status, 200)
    await w.store.close()
    assert.equal((await w.request({ method: 'GET', url: '/health' })).status, 200)
    const ready = await w.request({ method: 'GET', url: '/ready' })
    assert.equal(ready.status, 503)
    assert.equal(ready.body.error.type, 'service_unavailable')
    assert.equal(ready.body.error.request_id, ready.headers['seam-request-id'])
    await w.app.close()
  })
})
