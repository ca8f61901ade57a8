import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, test } from 'node:test'

import { SeamHttp } from '@seamapi/http/connect'
// The package's own name, resolved to the compiled dist/ as in a project that installed Latchkey.
import { SeedError, startLatchkey } from 'latchkey'

import { sharedDatabase, TEST_SECRET } from '../fixtures/cli.ts'
import { STORE_KIND } from '../fixtures/stores.ts'

const EXAMPLE = new URL('../../examples/seed.json', import.meta.url).pathname
const example = JSON.parse(readFileSync(EXAMPLE, 'utf8'))
const API_KEY: string = example.workspaces[0].api_keys[0].token

describe('startLatchkey({ seed })', () => {
  test('a seed file: the server starts with its workspaces and fixed keys, and no throwaway workspace', async () => {
    const latchkey = await startLatchkey({ seed: EXAMPLE })
    try {
      assert.equal(latchkey.seeded.added.length, 16)
      assert.deepEqual(latchkey.seeded.warnings, [])
      assert.equal('workspace' in latchkey, false)
      const seam = new SeamHttp({ apiKey: API_KEY, endpoint: latchkey.url })
      assert.equal((await seam.workspaces.get()).workspace_id, example.workspaces[0].workspace_id)
      assert.equal((await seam.devices.list()).length, 9)
      const pat = SeamHttp.fromPersonalAccessToken(example.users[0].personal_access_tokens[0].token, example.workspaces[1].workspace_id, {
        endpoint: latchkey.url,
      })
      assert.equal((await pat.workspaces.get()).name, example.workspaces[1].name)
    } finally {
      await latchkey.stop()
    }
  })

  test('a seed given as an object, defaults left out', async () => {
    const workspace_id = crypto.randomUUID()
    const latchkey = await startLatchkey({
      seed: { workspaces: [{ workspace_id, name: 'Inline', api_keys: [{ token: API_KEY }] }] },
    })
    try {
      const seam = new SeamHttp({ apiKey: API_KEY, endpoint: latchkey.url })
      const got = await seam.workspaces.get()
      assert.deepEqual([got.workspace_id, got.is_sandbox], [workspace_id, true])
    } finally {
      await latchkey.stop()
    }
  })

  test('a bad seed rejects with a SeedError naming the field, before any server starts', async () => {
    await assert.rejects(
      startLatchkey({ seed: { workspaces: [{ workspace_id: crypto.randomUUID(), name: 'Bad', publishable_keys: [{ token: API_KEY }] }] } }),
      (error: unknown) =>
        error instanceof SeedError &&
        /^seed: workspaces\[0\]\.publishable_keys\[0\]\.token: not a publishable key: the format is seam_pk1 \+/.test(error.message) &&
        !error.message.includes(API_KEY),
    )
  })

  test('on a kept database a second start with the same seed adds nothing', async () => {
    const { url } = await sharedDatabase()
    const options = { databaseUrl: url, seed: EXAMPLE, ...(STORE_KIND === 'postgres' ? { secret: TEST_SECRET } : {}) }
    const first = await startLatchkey(options)
    await first.stop()
    const second = await startLatchkey(options)
    try {
      assert.deepEqual(second.seeded.added, [])
      assert.deepEqual(second.seeded.warnings, [])
      assert.equal(second.seeded.unchanged.length, 16)
      const seam = SeamHttp.fromClientSessionToken(example.workspaces[0].client_sessions[0].token, { endpoint: second.url })
      assert.equal((await seam.clientSessions.get()).user_identifier_key, 'jane')
    } finally {
      await second.stop()
    }
  })
})
