import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { runCli, sharedDatabase, startServerProcess } from '../../fixtures/cli.ts'
import { STORE_KIND } from '../../fixtures/stores.ts'

const post = async (url: string, path: string, body: unknown, apiKey: string) => {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: res.status, text: await res.text() }
}

describe(
  'two processes on one SQLite file',
  { skip: STORE_KIND !== 'sqlite' ? 'a SQLite file shared by two servers; runs in the SQLite pass' : false },
  () => {
    test('transactions that read and then write, from both at once, all succeed', async () => {
      const { url: db } = await sharedDatabase()
      const ws = JSON.parse(runCli(db, ['workspaces', 'create', '--name', 'Acme', '--sandbox', '--json']).stdout) as { api_key: string }
      const a = await startServerProcess(db)
      const b = await startServerProcess(db)
      const webview = JSON.parse((await post(a.url, '/connect_webviews/create', {}, ws.api_key)).text).connect_webview as { url: string }
      await fetch(webview.url, {
        method: 'POST',
        body: new URLSearchParams({ email: 'jane@example.com', password: '1234', code: '123456' }),
      })
      const locks = JSON.parse((await post(a.url, '/locks/list', {}, ws.api_key)).text).locks as { device_id: string }[]
      // Each lock action is a transaction that reads the lock, then writes it, its attempt and its event.
      for (let round = 0; round < 10; round++) {
        const answers = await Promise.all(
          Array.from({ length: 24 }, (_, i) =>
            post(
              i % 2 === 0 ? a.url : b.url,
              i % 4 < 2 ? '/locks/unlock_door' : '/locks/lock_door',
              { device_id: locks[i % locks.length]?.device_id },
              ws.api_key,
            ),
          ),
        )
        for (const answer of answers) assert.equal(answer.status, 200, answer.text)
      }
      assert.equal(await a.stop(), 0)
      assert.equal(await b.stop(), 0)
    })
  },
)
