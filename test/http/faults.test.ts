import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { createWorld } from '../fixtures/world.ts'

describe('faults', () => {
  test('a store failure that is not an outage answers 500 internal_server_error without internals', async () => {
    const w = await createWorld({ manualDispose: true })
    const s = await w.session({ user_identifier_key: 'jane' })
    await w.store.close()
    for (const res of [await w.api('/client_sessions/list'), await w.api('/client_sessions/get', {}, w.as.cst(s.token))]) {
      assert.equal(res.status, 500)
      assert.equal(res.body.error.type, 'internal_server_error')
      assert.equal(res.body.error.message, 'Internal server error.')
      assert.equal(res.body.error.request_id, res.headers['seam-request-id'])
      assert.doesNotMatch(res.text, /driver|destroyed|at .*\.ts|stack/i)
    }
    await w.app.close()
  })
})
