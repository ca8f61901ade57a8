import assert from 'node:assert/strict'
import { request as httpRequest } from 'node:http'
import { describe, test } from 'node:test'

import { createWorld } from '../fixtures/world.ts'

/** POSTs raw JSON text (a lone surrogate would not survive a JavaScript string's encoding). */
const post = (port: number, path: string, json: string, headers: Record<string, string>) =>
  new Promise<{ status: number; body: { ok: boolean; error?: { type: string } } }>((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as { ok: boolean; error?: { type: string } } }))
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(json)
  })

describe("one tenant's input never changes another's answer", () => {
  test(
    "workspace A's hostile keys, sent with its public publishable key, fail none of workspace B's concurrent reads",
    { timeout: 60_000 },
    async () => {
      const w = await createWorld()
      await w.app.listen({ host: '127.0.0.1', port: 0 })
      const { port } = w.app.server.address() as { port: number }
      const tenantB = { authorization: `Bearer ${w.other.api_key}` }
      const keys = Array.from({ length: 12 }, (_, i) => `b_user_${i}`)
      for (const key of keys)
        assert.equal((await post(port, '/client_sessions/create', JSON.stringify({ user_identifier_key: key }), tenantB)).status, 200)

      const hostile = ['{"user_identifier_key":"evil\\u0000"}', '{"user_identifier_key":"\\ud800x"}', '{"user_identifier_key":"x\\udc00"}']
      const tenantA = { 'seam-publishable-key': w.ws.publishable_key }
      // Rounds of B's reads with A's hostile writes interleaved, all in flight together, so on
      // PostgreSQL B's lookups share statements with whatever A's requests reach the store.
      const failedReads: string[] = []
      const hostileAnswers: unknown[] = []
      for (let round = 0; round < 10; round++) {
        const answers = await Promise.all([
          ...keys.map((key) =>
            post(port, '/client_sessions/get', JSON.stringify({ user_identifier_key: key }), tenantB).then((a) => ({
              who: 'B',
              key,
              ...a,
            })),
          ),
          ...hostile.map((json) =>
            post(port, '/client_sessions/get_or_create', json, tenantA).then((a) => ({ who: 'A', key: json, ...a })),
          ),
        ])
        failedReads.push(
          ...answers.filter((a) => a.who === 'B' && a.status !== 200).map((a) => `${a.key}: ${a.status} ${JSON.stringify(a.body)}`),
        )
        hostileAnswers.push(...answers.filter((a) => a.who === 'A').map((a) => [a.status, a.body.error?.type]))
      }
      assert.deepEqual(failedReads, [], "every one of B's reads answered 200")
      for (const answer of hostileAnswers) assert.deepEqual(answer, [400, 'invalid_input'], "A's hostile key is refused")
      // A's hostile input stored nothing.
      const listedA = await w.api('/client_sessions/list')
      assert.deepEqual(listedA.body.client_sessions, [])
    },
  )
})
