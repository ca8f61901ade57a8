import assert from 'node:assert/strict'
import { after, describe, test } from 'node:test'

import { createTokenCipher } from '../../src/auth/token-cipher.ts'
import { provisionWorkspace } from '../../src/domain/provisioning.ts'
import { injectInto } from '../fixtures/world.ts'
import { createApp } from '../../src/app.ts'
import { DEFAULT_CONFIG } from '../../src/domain/context.ts'
import { ManualClock } from '../fixtures/clock.ts'
import { seedAccount } from '../fixtures/seed.ts'
import { openSharedDatabase } from '../fixtures/shared-database.ts'

/**
 * A server keeps answering while another instance migrates the shared database (a rolling
 * deploy adding columns). PostgreSQL refuses to run a `SELECT *` prepared before the change
 * ("cached plan must not change result type"), so this is what proves the recovery.
 */
describe('a schema change by another instance while serving', async () => {
  const shared = await openSharedDatabase()
  // One pooled connection on PostgreSQL: every read lands on the connection that prepared it.
  const store = shared.open(1)
  const clock = new ManualClock()
  const app = createApp({ store, clock, config: DEFAULT_CONFIG, tokenCipher: createTokenCipher(Buffer.alloc(32, 7)) })
  after(async () => {
    await app.close()
    await shared.dispose()
  })
  const ws = await provisionWorkspace(store, clock, { name: 'Migrating', isSandbox: true })
  const key = { authorization: `Bearer ${ws.api_key}` }
  const accountId = await seedAccount(store, clock.now().toISOString(), ws.workspace_id, 1)
  const created = await injectInto(app, {
    method: 'POST',
    url: '/client_sessions/create',
    headers: key,
    payload: { user_identifier_key: 'jane', connected_account_ids: [accountId] },
  })
  const cst = { authorization: `Bearer ${created.json().client_session.token as string}` }
  const reads = async () => {
    const answers = [
      await injectInto(app, { method: 'GET', url: '/client_sessions/get', headers: cst }),
      await injectInto(app, { method: 'POST', url: '/devices/list', headers: cst, payload: {} }),
      await injectInto(app, { method: 'GET', url: '/client_sessions/list', headers: key }),
    ]
    for (const answer of answers) assert.equal(answer.statusCode, 200, answer.body)
    return answers.map((answer) => answer.json<unknown>())
  }

  test('reads prepared before an added column keep answering, with the same bodies', async () => {
    const before = await reads()
    await reads()
    await shared.runElsewhere('ALTER TABLE client_sessions ADD COLUMN rollout_note text')
    await shared.runElsewhere('ALTER TABLE devices ADD COLUMN rollout_note text')
    assert.deepEqual(await reads(), before)
    // And again, on whatever connection replaced the one whose statements were outdated.
    assert.deepEqual(await reads(), before)
  })
})
