import { randomUUID } from 'node:crypto'
import { mkdtempSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { createApp } from '../src/app.ts'
import { createTokenCipher } from '../src/auth/token-cipher.ts'
import { DEFAULT_CONFIG } from '../src/domain/context.ts'
import { provisionWorkspace } from '../src/domain/provisioning.ts'
import { openSqliteStore } from '../src/store/sqlite/open-sqlite-store.ts'
import { ManualClock } from './fixtures/clock.ts'
import { serverRequest } from './fixtures/world.ts'
test('probe', { timeout: 120000 }, async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'wal-')), 'db.sqlite')
  const store = openSqliteStore(path)
  await store.migrate()
  const clock = new ManualClock()
  const app = createApp({ store, clock, config: DEFAULT_CONFIG, tokenCipher: createTokenCipher(Buffer.alloc(32, 1)) })
  const ws = await provisionWorkspace(store, clock, { name: 'A', isSandbox: true })
  const h = { authorization: `Bearer ${ws.api_key}` }
  let max = 0
  const started = Date.now()
  let n = 0
  const loop = async () => {
    while (Date.now() - started < 20000) {
      const res = await serverRequest(app, { method: 'POST', url: '/client_sessions/create', payload: { user_identifier_key: randomUUID() }, headers: h })
      if (res.status !== 200) console.log(res.status)
      await serverRequest(app, { method: 'POST', url: '/client_sessions/get', payload: { client_session_id: res.body.client_session.client_session_id }, headers: h })
      n++
      if (n % 1000 === 0) { const size = statSync(`${path}-wal`).size; max = Math.max(max, size) }
    }
  }
  await Promise.all(Array.from({ length: 8 }, loop))
  console.log('writes', n, 'max wal MB', (max / 1e6).toFixed(1), 'db MB', (statSync(path).size / 1e6).toFixed(1))
  await app.close(); await store.close()
})
