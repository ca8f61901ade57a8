/**
 * How many source files one request crosses: the files of src/ with a function that ran while
 * the server answered that one request, by V8's precise coverage (the inspector's Profiler),
 * after the same request was answered a few times so nothing is run for the first time.
 *
 *   node --import tsx scripts/request-files.ts [--list]
 *
 * Measures in one process on an in-memory SQLite store, through the app's own request listener.
 */
import { Session } from 'node:inspector/promises'
import { fileURLToPath } from 'node:url'

import inject, { type InjectOptions } from 'light-my-request'

import { createApp } from '../src/app.ts'
import { createTokenCipher } from '../src/auth/token-cipher.ts'
import { systemClock } from '../src/clock.ts'
import { DEFAULT_CONFIG } from '../src/domain/context.ts'
import { provisionWorkspace } from '../src/domain/provisioning.ts'
import { openStore } from '../src/store/open-store.ts'

const list = process.argv.includes('--list')
const src = new URL('../src/', import.meta.url).href

const store = openStore({ kind: 'sqlite', path: ':memory:' })
await store.migrate()
const app = createApp({ store, clock: systemClock, config: DEFAULT_CONFIG, tokenCipher: createTokenCipher(Buffer.alloc(32, 1)) })
await app.ready()
const call = (options: InjectOptions) => inject((req, res) => app.server.emit('request', req, res), { ...options, server: app.server })
const ws = await provisionWorkspace(store, systemClock, { name: 'Files', isSandbox: true })
const apiKey = { authorization: `Bearer ${ws.api_key}` }
const created = (
  await call({ method: 'POST', url: '/client_sessions/create', headers: apiKey, payload: { user_identifier_key: 'jane' } })
).json<{ client_session: { token: string } }>()
const token = created.client_session.token
let next = 0

const requests: [string, () => InjectOptions][] = [
  [
    'client_sessions/get, client session token',
    () => ({ method: 'GET', url: '/client_sessions/get', headers: { authorization: `Bearer ${token}` } }),
  ],
  [
    'client_sessions/create, API key',
    () => ({ method: 'POST', url: '/client_sessions/create', headers: apiKey, payload: { user_identifier_key: `user-${next++}` } }),
  ],
]

const session = new Session()
session.connect()
await session.post('Profiler.enable')
await session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: false })

for (const [name, request] of requests) {
  for (let i = 0; i < 5; i++) await call(request())
  // Taking the coverage resets the counts: what the next take shows ran in between.
  await session.post('Profiler.takePreciseCoverage')
  const answer = await call(request())
  if (answer.statusCode !== 200) throw new Error(`${name}: ${answer.statusCode} ${answer.body}`)
  const { result } = await session.post('Profiler.takePreciseCoverage')
  const files = result
    .filter((script) => script.url.startsWith(src) && script.functions.some((fn) => fn.ranges.some((range) => range.count > 0)))
    .map((script) => fileURLToPath(script.url).slice(fileURLToPath(src).length))
    .sort()
  console.log(`${name}: ${files.length} source files`)
  if (list) for (const file of files) console.log(`  src/${file}`)
}
session.disconnect()
await app.close()
await store.close()
