/**
 * CPU per client_sessions/create in one process, through the app's own request listener (no
 * sockets): a checkout's compiled build (its dist/), N creates in batches of 16 after 500 of
 * warm-up, on a SQLite file. For bisecting write-path costs between commits:
 *
 *   node bench/create-in-process.mjs <checkout with npm run build done> [creates]
 *
 * Loopback-free and bounded by the count.
 */
import { Buffer } from 'node:buffer'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

import inject from 'light-my-request'

const root = pathToFileURL(resolve(process.argv[2] ?? '.')).href
const count = Number(process.argv[3] ?? 4000)
const load = (path) => import(`${root}/dist/${path}`)
const { createApp } = await load('app.js')
const { createTokenCipher } = await load('auth/token-cipher.js')
const { systemClock } = await load('clock.js')
const { DEFAULT_CONFIG } = await load('domain/context.js')
const { provisionWorkspace } = await load('domain/provisioning.js')
const { openStore } = await load('store/open-store.js')

const store = openStore({ kind: 'sqlite', path: join(mkdtempSync(join(tmpdir(), 'latchkey-create-')), 'bench.sqlite') })
await store.migrate()
const app = createApp({ store, clock: systemClock, config: DEFAULT_CONFIG, tokenCipher: createTokenCipher(Buffer.alloc(32, 1)) })
await app.ready()
const ws = await provisionWorkspace(store, systemClock, { name: 'Bench', isSandbox: true })
const create = (key) =>
  inject((req, res) => app.server.emit('request', req, res), {
    method: 'PUT',
    url: '/client_sessions/create',
    headers: { authorization: `Bearer ${ws.api_key}`, 'content-type': 'application/json' },
    payload: JSON.stringify({ user_identifier_key: key }),
    server: app.server,
  })
for (let i = 0; i < 500; i++) await create(`warm-${i}`)
const before = process.cpuUsage()
for (let i = 0; i < count; i += 16) await Promise.all(Array.from({ length: 16 }, (_, j) => create(`user-${i + j}`)))
const used = process.cpuUsage(before)
console.log(`${process.argv[2] ?? '.'}: ${((used.user + used.system) / count).toFixed(0)} µs of CPU per create (light-my-request included)`)
process.exit(0)
