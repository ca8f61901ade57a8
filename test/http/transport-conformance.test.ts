import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import type { InjectOptions } from 'light-my-request'

import type { AnyRoute, HttpMethod } from '../../src/http/route.ts'
import { HTTP_METHODS } from '../../src/http/route.ts'
import { ROUTES } from '../../src/routes/index.ts'
import { bearer, createWorld, type Response, type World } from '../fixtures/world.ts'

/**
 * One conformance suite for both transports: the same script of requests — every route, each of
 * its methods and one it refuses, every credential kind, parameters absent, valid, of the wrong
 * type, and bodies no JSON parser accepts — runs against a world served by the direct transport
 * and one served by Fastify alone, each from the same seeded state. Both transcripts must be the
 * same: status, every header and the body byte for byte, once the values that are random by design
 * (ids, tokens, access codes) are named by their order of first appearance.
 */

const PAGE = 'http://localhost:5173'

/** Ids and keys of what the script's requests refer to, made the same way in both worlds. */
interface Seeded {
  session: { client_session_id: string; token: string }
  accountId: string
  deviceId: string
  webviewId: string
  identityId: string
  accessCodeId: string
  actionAttemptId: string
  eventId: string
}

const seed = async (w: World): Promise<Seeded> => {
  // Each step at its own instant, so anything listed newest first is in the same order in both worlds.
  const step = async <T>(made: Promise<T>): Promise<T> => {
    const value = await made
    w.clock.advance(1)
    return value
  }
  const accountId = await step(w.seedAccount(w.ws.workspace_id, 1))
  // A second account the session is not granted: its device is out of a client session's scope.
  await step(w.seedAccount(w.ws.workspace_id, 1))
  const webviewId = await step(w.seedWebview(w.ws.workspace_id, accountId))
  const identityId = await step(w.seedUserIdentity(w.ws.workspace_id))
  const session = await step(w.session({ user_identifier_key: 'conformance_user', connected_account_ids: [accountId] }))
  const devices = await step(w.api('/devices/list', {}))
  // The newest device is the second account's; the session's own is the oldest.
  const deviceId = devices.body.devices.at(-1).device_id as string
  const code = await step(w.api('/access_codes/create', { device_id: deviceId, name: 'front door', code: '1234' }))
  assert.equal(code.status, 200, code.text)
  const unlocked = await step(w.api('/locks/unlock_door', { device_id: deviceId }))
  assert.equal(unlocked.status, 200, unlocked.text)
  const events = await step(w.api('/events/list', {}))
  return {
    session,
    accountId,
    deviceId,
    webviewId,
    identityId,
    accessCodeId: code.body.access_code.access_code_id as string,
    actionAttemptId: unlocked.body.action_attempt.action_attempt_id as string,
    eventId: events.body.events[0].event_id as string,
  }
}

/** A valid value for each parameter name the routes share. */
const validValues = (s: Seeded): Record<string, unknown> => ({
  client_session_id: s.session.client_session_id,
  user_identifier_key: 'conformance_user',
  connected_account_id: s.accountId,
  connected_account_ids: [s.accountId],
  connect_webview_id: s.webviewId,
  connect_webview_ids: [s.webviewId],
  device_id: s.deviceId,
  user_identity_id: s.identityId,
  access_code_id: s.accessCodeId,
  action_attempt_id: s.actionAttemptId,
  event_id: s.eventId,
  user_identity_key: 'conformance_identity',
  limit: 2,
})

const credentials = (w: World, s: Seeded): [string, Record<string, string>][] => [
  ['none', {}],
  ['api key', w.as.apiKey],
  ['personal access token', w.as.pat],
  ['client session token', { ...w.as.cst(s.session.token), origin: PAGE }],
  ['publishable key', w.as.publishable('conformance_user')],
  ['malformed client session token', bearer('seam_cst1short')],
  ['unknown api key', bearer(`seam_Unknown1_${'x'.repeat(32)}`)],
]

const readsQuery = (method: HttpMethod) => method === 'GET' || method === 'DELETE' || method === 'HEAD'

const queryString = (params: Record<string, unknown>) => {
  const search = new URLSearchParams()
  for (const [name, value] of Object.entries(params)) {
    for (const one of Array.isArray(value) ? value : [value]) search.append(name, String(one))
  }
  const text = search.toString()
  return text === '' ? '' : `?${text}`
}

/** The requests of one route: each method × credential × parameters, and the transport's edge cases. */
const requestsFor = (route: AnyRoute, w: World, s: Seeded): InjectOptions[] => {
  const valid = validValues(s)
  const names = Object.keys(route.params.shape)
  const given = Object.fromEntries(names.filter((name) => name in valid).map((name) => [name, valid[name]]))
  const wrongType = Object.fromEntries(names.map((name) => [name, typeof valid[name] === 'number' ? 'many' : 12345]))
  const paramCases = [{}, given, wrongType]
  const requests: InjectOptions[] = []
  for (const method of route.methods) {
    for (const [, headers] of credentials(w, s)) {
      for (const params of paramCases) {
        if (readsQuery(method)) requests.push({ method, url: `${route.path}${queryString(params)}`, headers })
        else requests.push({ method, url: route.path, headers: { ...headers, 'content-type': 'application/json' }, payload: JSON.stringify(params) })
      }
    }
    if (readsQuery(method)) {
      requests.push({ method, url: `${route.path}?constructor=x&__proto__=y`, headers: w.as.apiKey })
      requests.push({ method, url: `${route.path}?user_identifier_key=%00`, headers: w.as.apiKey })
    } else {
      const json = { ...w.as.apiKey, 'content-type': 'application/json' }
      requests.push({ method, url: route.path, headers: json, payload: '{"client_session_id":' })
      requests.push({ method, url: route.path, headers: json, payload: 'null' })
      requests.push({ method, url: route.path, headers: json, payload: '{"user_identifier_key":"a\\u0000"}' })
      requests.push({ method, url: route.path, headers: w.as.apiKey })
      requests.push({ method, url: route.path, headers: { ...w.as.apiKey, 'content-type': 'text/plain' }, payload: 'hello' })
      requests.push({ method, url: `${route.path}?user_identifier_key=x`, headers: json, payload: '{}' })
    }
  }
  const refused = HTTP_METHODS.find((method) => !route.methods.includes(method) && method !== 'HEAD')
  if (refused !== undefined) requests.push({ method: refused, url: route.path, headers: w.as.apiKey })
  return requests
}

/** Routes that remove what others read go last, so the reads before them find it. */
const destructive = (route: AnyRoute) => /\/(delete|revoke)$/.test(route.path)
const scriptOrder = [...ROUTES.filter((route) => !destructive(route)), ...ROUTES.filter(destructive)]

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g
const TOKEN = /seam_(?:cst1|pk1|at1)?[1-9A-HJ-NP-Za-km-z]{8}_[1-9A-HJ-NP-Za-km-z]+/g

/** Names random values by order of first appearance across one transcript. */
const namer = () => {
  const names = new Map<string, string>()
  const name = (kind: string) => (value: string) => {
    if (!names.has(value)) names.set(value, `<${kind} ${names.size}>`)
    return names.get(value) as string
  }
  return (text: string) =>
    text
      // A page cursor carries an id inside base64: opened, so the id in it is named too.
      .replace(/"next_page_cursor":"([\w-]+)"/g, (_, cursor: string) => `"next_page_cursor":${JSON.stringify(Buffer.from(cursor, 'base64url').toString())}`)
      .replace(UUID, name('id'))
      .replace(TOKEN, name('token'))
      .replace(/"code":"\d+"/g, '"code":"<code>"')
}

interface Exchange {
  request: string
  status: number
  headers: string
  body: string
}

const runScript = async (directPath: boolean): Promise<Exchange[]> => {
  const w = await createWorld({ directPath })
  const seeded = await seed(w)
  const name = namer()
  const transcript: Exchange[] = []
  for (const route of scriptOrder) {
    for (const request of requestsFor(route, w, seeded)) {
      const answer: Response = await w.request(request)
      // Each request at its own instant, so lists ordered by time order the same in both worlds.
      w.clock.advance(1)
      const requestId = String(answer.headers['seam-request-id'])
      const headers = Object.entries(answer.headers)
        .filter(([header]) => header !== 'date')
        .map(([header, value]) => `${header}: ${String(value).replaceAll(requestId, '<request id>')}`)
        .join('\n')
      transcript.push({
        request: `${request.method} ${request.url as string} ${JSON.stringify(request.headers)} ${typeof request.payload === 'string' ? request.payload : ''}`,
        status: answer.status,
        headers: name(headers),
        body: name(answer.text.replaceAll(requestId, '<request id>')),
      })
    }
  }
  return transcript
}

describe('both transports answer every route alike', () => {
  test('every route × method × credential × parameters: status, headers and body byte for byte', { timeout: 300_000 }, async () => {
    const direct = await runScript(true)
    const fastify = await runScript(false)
    assert.equal(direct.length, fastify.length)
    assert.ok(direct.length > 1000, `the script sent ${direct.length} requests`)
    for (const [i, answer] of direct.entries()) {
      const other = fastify[i] as Exchange
      assert.deepEqual({ ...answer, request: undefined }, { ...other, request: undefined }, `request ${i}: ${answer.request}`)
    }
    // The script reaches success and the errors of every kind, not only refusals.
    const statuses = new Set(direct.map((answer) => answer.status))
    for (const status of [200, 400, 401, 403, 404, 405]) assert.ok(statuses.has(status), `some answer was ${status}`)
  })
})
