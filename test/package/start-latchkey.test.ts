import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { describe, test } from 'node:test'

import { SeamHttp } from '@seamapi/http/connect'
// The package's own name: this resolves through package.json "exports" to the compiled dist/,
// exactly as in another project that installed Latchkey.
import { startLatchkey } from 'latchkey'

import { sharedDatabase, TEST_SECRET } from '../fixtures/cli.ts'
import { STORE_KIND } from '../fixtures/stores.ts'

const root = new URL('../../', import.meta.url).pathname

describe('Latchkey as a package', () => {
  test('startLatchkey() on sqlite::memory: gives a URL and a workspace the official SDK can use, and stop() frees the port', async () => {
    const latchkey = await startLatchkey()
    assert.match(latchkey.url, /^http:\/\/127\.0\.0\.1:\d+$/)
    assert.match(latchkey.workspace.workspace_id, /^[0-9a-f-]{36}$/)
    const seam = new SeamHttp({ apiKey: latchkey.workspace.api_key, endpoint: latchkey.url })
    const session = await seam.clientSessions.create({ user_identifier_key: 'jane' })
    const viaPk = await SeamHttp.fromPublishableKey(latchkey.workspace.publishable_key, 'jane', { endpoint: latchkey.url })
    assert.equal((await viaPk.clientSessions.get()).client_session_id, session.client_session_id)
    await latchkey.stop()
    await assert.rejects(fetch(`${latchkey.url}/health`))
  })

  test('startLatchkey({ databaseUrl, secret }) keeps data in the given database', async () => {
    const { url } = await sharedDatabase()
    const options = { databaseUrl: url, ...(STORE_KIND === 'postgres' ? { secret: TEST_SECRET } : {}) }
    const first = await startLatchkey(options)
    const seam = new SeamHttp({ apiKey: first.workspace.api_key, endpoint: first.url })
    await seam.clientSessions.create({ user_identifier_key: 'kept' })
    await first.stop()
    const second = await startLatchkey(options)
    const again = new SeamHttp({ apiKey: first.workspace.api_key, endpoint: second.url })
    assert.deepEqual(
      (await again.clientSessions.list()).map((s) => s.user_identifier_key),
      ['kept'],
    )
    await second.stop()
  })

  test('npm pack ships the compiled code, bin, docs and licence, and no TypeScript sources or tests', () => {
    const packed = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' })
    assert.equal(packed.status, 0, packed.stderr)
    const files = (JSON.parse(packed.stdout) as [{ files: { path: string }[] }])[0].files.map((f) => f.path)
    for (const expected of [
      'bin/latchkey',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/cli/main.js',
      'dist/latchkey.js',
      'LICENSE',
      'CHANGELOG.md',
      'README.md',
      'docs/operations.md',
      'package.json',
    ]) {
      assert.ok(files.includes(expected), `${expected} is packed`)
    }
    assert.deepEqual(
      files.filter((f) => f.startsWith('src/') || f.startsWith('test/') || f.endsWith('.tsbuildinfo')),
      [],
    )
    const manifest = JSON.parse(spawnSync('npm', ['pkg', 'get', 'dependencies'], { cwd: root, encoding: 'utf8' }).stdout) as Record<
      string,
      string
    >
    assert.equal(manifest.tsx, undefined, 'no TypeScript loader at run time')
  })
})
