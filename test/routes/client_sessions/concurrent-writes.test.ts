import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { createWorld } from '../../fixtures/world.ts'

describe('writes racing on one session', () => {
  test('delete in parallel with grant_access and get_or_create for the same session: every answer 200 or 404, never 500', async () => {
    const w = await createWorld()
    for (let round = 0; round < 5; round++) {
      const accounts = await Promise.all(Array.from({ length: 20 }, () => w.seedAccount(w.ws.workspace_id, 1)))
      const key = `racer_${round}`
      const s = await w.session({ user_identifier_key: key })
      const answers = await Promise.all([
        w.api('/client_sessions/delete', { client_session_id: s.client_session_id }),
        ...accounts.map((account, i) =>
          i % 2 === 0
            ? w.api('/client_sessions/grant_access', { client_session_id: s.client_session_id, connected_account_ids: [account] })
            : w.api('/client_sessions/get_or_create', { user_identifier_key: key, connected_account_ids: [account] }),
        ),
      ])
      const [deleted, ...writes] = answers
      assert.equal(deleted?.status, 200, deleted?.text)
      for (const answer of writes) {
        assert.ok(answer.status === 200 || answer.status === 404, `${answer.status} ${answer.text}`)
        if (answer.status === 404) assert.equal(answer.body.error.type, 'client_session_not_found')
      }
      // The deleted session is gone with all its links; a get_or_create after the delete made a new one.
      const gone = await w.api('/client_sessions/get', { client_session_id: s.client_session_id })
      assert.equal(gone.status, 404)
    }
  })
})
