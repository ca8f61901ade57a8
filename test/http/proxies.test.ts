import assert from 'node:assert/strict'
import { after, describe, test } from 'node:test'

import { createTokenCipher } from '../../src/auth/token-cipher.ts'
import { createApp } from '../../src/app.ts'
import { DEFAULT_CONFIG } from '../../src/domain/context.ts'
import { provisionWorkspace } from '../../src/domain/provisioning.ts'
import { ManualClock } from '../fixtures/clock.ts'
import { openSharedDatabase } from '../fixtures/shared-database.ts'
import { STORE_KIND } from '../fixtures/stores.ts'
import { createWorld, serverRequest } from '../fixtures/world.ts'

const from = (client: string, extra: Record<string, string> = {}) => ({ 'x-forwarded-for': client, ...extra })

describe('behind a proxy, and across instances', () => {
  test('with --trust-proxy the forwarded client address keys the rate limit; without it the header is ignored', async () => {
    const trusted = await createWorld({ rateLimitPerMinute: 2, trustProxy: '127.0.0.1' })
    trusted.clock.advance(60_000 - (trusted.clock.now().getTime() % 60_000))
    const list = (headers: Record<string, string>) => trusted.api('/client_sessions/list', {}, { ...trusted.as.apiKey, ...headers })
    const first = await list(from('203.0.113.1'))
    assert.equal(first.status, 200)
    assert.equal(first.headers['x-ratelimit-limit'], '2')
    assert.equal(first.headers['x-ratelimit-remaining'], '1')
    assert.equal(first.headers['x-ratelimit-reset'], '60')
    assert.equal((await list(from('203.0.113.1'))).status, 200)
    const limited = await list(from('203.0.113.1'))
    assert.equal(limited.status, 429)
    assert.equal(limited.body.error.type, 'rate_limited')
    assert.equal(limited.headers['x-ratelimit-remaining'], '0')
    assert.equal(limited.headers['retry-after'], '60')
    // Another client behind the same proxy has its own budget.
    assert.equal((await list(from('203.0.113.2'))).status, 200)

    const untrusted = await createWorld({ rateLimitPerMinute: 2 })
    untrusted.clock.advance(60_000 - (untrusted.clock.now().getTime() % 60_000))
    const direct = (client: string) => untrusted.api('/client_sessions/list', {}, { ...untrusted.as.apiKey, ...from(client) })
    assert.equal((await direct('203.0.113.1')).status, 200)
    assert.equal((await direct('203.0.113.2')).status, 200)
    assert.equal((await direct('203.0.113.3')).status, 429, 'a forged header buys no budget')
  })

  test('with --trust-proxy, X-Forwarded-Proto and -Host shape the webview URLs handed out', async () => {
    const w = await createWorld({ trustProxy: 1 })
    const headers = {
      ...w.as.apiKey,
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'locks.example.com',
      'x-forwarded-for': '203.0.113.9',
    }
    const res = await w.api('/connect_webviews/create', {}, headers)
    assert.equal(res.status, 200, res.text)
    assert.match(res.body.connect_webview.url, /^https:\/\/locks\.example\.com\//)
    const plain = await createWorld()
    const direct = await plain.api(
      '/connect_webviews/create',
      {},
      { ...plain.as.apiKey, 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example.com' },
    )
    assert.match(direct.body.connect_webview.url, /^http:\/\/localhost(:\d+)?\//)
  })

  test(
    STORE_KIND === 'postgres'
      ? "PostgreSQL: instances on one database share each client's budget"
      : 'SQLite: each process counts its own budget (one server per database file)',
    async () => {
      const shared = await openSharedDatabase()
      const clock = new ManualClock()
      clock.advance(60_000 - (clock.now().getTime() % 60_000))
      const cipher = createTokenCipher(Buffer.alloc(32, 5))
      const stores = [shared.open(), shared.open()]
      const apps = stores.map((store) =>
        createApp({ store, clock, config: { ...DEFAULT_CONFIG, rateLimitPerMinute: 3 }, tokenCipher: cipher }),
      )
      after(async () => {
        for (const app of apps) await app.close()
        await shared.dispose()
      })
      const ws = await provisionWorkspace(stores[0]!, clock, { name: 'Shared', isSandbox: true })
      const call = (index: number) =>
        serverRequest(apps[index]!, {
          method: 'POST',
          url: '/client_sessions/list',
          headers: { authorization: `Bearer ${ws.api_key}` },
          payload: {},
        })
      assert.equal((await call(0)).status, 200)
      assert.equal((await call(1)).status, 200)
      assert.equal((await call(0)).status, 200)
      const fourth = await call(1)
      if (STORE_KIND === 'postgres') {
        assert.equal(fourth.status, 429)
        assert.equal(fourth.body.error.type, 'rate_limited')
        clock.advance(60_000)
        assert.equal((await call(1)).status, 200, 'a new window serves again')
      } else {
        assert.equal(fourth.status, 200)
      }
    },
  )
})
