import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, rmSync, rmdirSync, unlinkSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, test } from 'node:test'

import { createApp } from '../../../src/app.ts'
import { createTokenCipher } from '../../../src/auth/token-cipher.ts'
import { DEFAULT_CONFIG } from '../../../src/domain/context.ts'
import { provisionWorkspace } from '../../../src/domain/provisioning.ts'
import { openSqliteStore } from '../../../src/store/sqlite/open-sqlite-store.ts'
import { ManualClock } from '../../fixtures/clock.ts'
import { STORE_KIND } from '../../fixtures/stores.ts'
import { serverRequest } from '../../fixtures/world.ts'

/** A 4 MB tmpfs of the test's own; undefined where this machine does not let it mount one. */
const smallDisk = (): string | undefined => {
  const dir = mkdtempSync(join(tmpdir(), 'latchkey-small-disk-'))
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir])
  if (mounted.status === 0) return dir
  rmdirSync(dir)
  return undefined
}

/** Writes zeros until the disk is full; the file is removed later to free the space again. */
const fill = (path: string) => {
  const fd = openSync(path, 'w')
  const chunk = Buffer.alloc(64 * 1024)
  try {
    for (;;) writeSync(fd, chunk)
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOSPC') throw error
  } finally {
    closeSync(fd)
  }
}

const disk = STORE_KIND === 'sqlite' && process.getuid?.() === 0 ? smallDisk() : undefined
const skip =
  STORE_KIND !== 'sqlite'
    ? 'a SQLite file on a small disk; runs in the SQLite pass'
    : disk === undefined
      ? 'this machine does not let the test mount a small tmpfs (needs root)'
      : false

describe('SQLite on a full disk', { skip }, () => {
  test('writes answer 503 saying storage is full, /ready is 503 until writes succeed again, and nothing acknowledged is lost', async () => {
    const dir = disk as string
    const store = openSqliteStore(join(dir, 'latchkey.sqlite'))
    const clock = new ManualClock()
    const app = createApp({ store, clock, config: DEFAULT_CONFIG, tokenCipher: createTokenCipher(Buffer.alloc(32, 5)) })
    try {
      await store.migrate()
      const ws = await provisionWorkspace(store, clock, { name: 'Full', isSandbox: true })
      const auth = { authorization: `Bearer ${ws.api_key}` }
      const create = (key: string) =>
        serverRequest(app, { method: 'POST', url: '/client_sessions/create', headers: auth, payload: { user_identifier_key: key } })
      const before = await create('before')
      assert.equal(before.status, 200)
      assert.equal((await serverRequest(app, { method: 'GET', url: '/ready' })).status, 200)

      fill(join(dir, 'filler'))
      // Pages already allocated may take a few more writes; then every write is refused.
      let refused: Awaited<ReturnType<typeof create>> | undefined
      for (let i = 0; i < 2_000 && refused === undefined; i++) {
        const res = await create(`during_${i}`)
        if (res.status !== 200) refused = res
      }
      assert.ok(refused !== undefined, 'no write was refused on a full disk')
      assert.equal(refused.status, 503, refused.text)
      assert.equal(refused.body.error.type, 'service_unavailable')
      assert.match(refused.body.error.message, /storage is full/)
      assert.equal(refused.headers['retry-after'], '1')
      const ready = await serverRequest(app, { method: 'GET', url: '/ready' })
      assert.equal(ready.status, 503)
      assert.match(ready.body.error.message, /storage is full/)
      assert.equal((await serverRequest(app, { method: 'GET', url: '/health' })).status, 200)
      // Reads go on.
      const read = await serverRequest(app, {
        method: 'POST',
        url: '/client_sessions/get',
        headers: auth,
        payload: { user_identifier_key: 'before' },
      })
      assert.equal(read.status, 200)

      unlinkSync(join(dir, 'filler'))
      assert.equal((await serverRequest(app, { method: 'GET', url: '/ready' })).status, 200, '/ready once space is free')
      const after = await create('after')
      assert.equal(after.status, 200, after.text)
      const listed = await serverRequest(app, { method: 'POST', url: '/client_sessions/list', headers: auth, payload: { limit: 5000 } })
      const keys = new Set(listed.body.client_sessions.map((s: { user_identifier_key: string }) => s.user_identifier_key))
      assert.ok(keys.has('before') && keys.has('after'))
    } finally {
      await app.close()
      await store.close()
      spawnSync('umount', ['-l', dir])
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
