import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'

import BetterSqlite3 from 'better-sqlite3'
import pg from 'pg'

import { createTokenCipher } from '../../src/auth/token-cipher.ts'
import { provisionWorkspace } from '../../src/domain/provisioning.ts'
import { createApp } from '../../src/http/app.ts'
import { DEFAULT_CONFIG } from '../../src/http/context.ts'
import { openPostgresStore } from '../../src/store/postgres.ts'
import { openSqliteStore } from '../../src/store/sqlite.ts'
import type { Store } from '../../src/store/store.ts'
import { ManualClock } from '../fixtures/clock.ts'
import { openTestStore, STORE_KIND } from '../fixtures/stores.ts'

/**
 * A server keeps answering while another instance migrates the shared database (a rolling
 * deploy adding columns). PostgreSQL refuses to run a `SELECT *` prepared before the change
 * ("cached plan must not change result type"), so this is what proves the recovery.
 */
const sharedDatabase = async (): Promise<{ store: Store; alter(sql: string): Promise<void>; dispose(): Promise<void> }> => {
  if (STORE_KIND === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'latchkey-schema-'))
    const path = join(dir, 'shared.sqlite')
    const store = openSqliteStore(path)
    await store.migrate()
    return {
      store,
      async alter(sql) {
        const other = new BetterSqlite3(path)
        other.exec(sql)
        other.close()
      },
      async dispose() {
        await store.close()
        rmSync(dir, { recursive: true, force: true })
      },
    }
  }
  const shared = await openTestStore()
  // One pooled connection: every read lands on the connection that prepared it before.
  const store = openPostgresStore(shared.url, 1)
  return {
    store,
    async alter(sql) {
      const other = new pg.Client({ connectionString: shared.url })
      await other.connect()
      await other.query(sql)
      await other.end()
    },
    async dispose() {
      await store.close()
      await shared.dispose()
    },
  }
}

describe('a schema change by another instance while serving', async () => {
  const shared = await sharedDatabase()
  const clock = new ManualClock()
  const app = createApp({ store: shared.store, clock, config: DEFAULT_CONFIG, tokenCipher: createTokenCipher(Buffer.alloc(32, 7)) })
  after(async () => {
    await app.close()
    await shared.dispose()
  })
  const ws = await provisionWorkspace(shared.store, clock, { name: 'Migrating', isSandbox: true })
  const key = { authorization: `Bearer ${ws.api_key}` }
  const accountId = randomUUID()
  await shared.store.insertConnectedAccount({
    connectedAccountId: accountId,
    workspaceId: ws.workspace_id,
    provider: 'sandbox',
    userIdentifierEmail: 'jane@example.com',
    displayName: 'Jane',
    createdAt: clock.now().toISOString(),
  })
  await shared.store.insertDevice({
    deviceId: randomUUID(),
    workspaceId: ws.workspace_id,
    connectedAccountId: accountId,
    deviceType: 'august_lock',
    displayName: 'Front Door',
    properties: {},
    createdAt: clock.now().toISOString(),
  })
  const created = await app.inject({
    method: 'POST',
    url: '/client_sessions/create',
    headers: key,
    payload: { user_identifier_key: 'jane', connected_account_ids: [accountId] },
  })
  const cst = { authorization: `Bearer ${created.json().client_session.token as string}` }
  const reads = async () => {
    const answers = [
      await app.inject({ method: 'GET', url: '/client_sessions/get', headers: cst }),
      await app.inject({ method: 'POST', url: '/devices/list', headers: cst, payload: {} }),
      await app.inject({ method: 'GET', url: '/client_sessions/list', headers: key }),
    ]
    for (const answer of answers) assert.equal(answer.statusCode, 200, answer.body)
    return answers.map((answer) => answer.json() as unknown)
  }

  test('reads prepared before an added column keep answering, with the same bodies', async () => {
    const before = await reads()
    await reads()
    await shared.alter('ALTER TABLE client_sessions ADD COLUMN rollout_note text')
    await shared.alter('ALTER TABLE devices ADD COLUMN rollout_note text')
    assert.deepEqual(await reads(), before)
    // And again, on whatever connection replaced the one whose statements were outdated.
    assert.deepEqual(await reads(), before)
  })
})
