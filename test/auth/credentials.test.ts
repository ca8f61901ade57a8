import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { createPersonalAccessToken, provisionWorkspace } from '../../src/domain/provisioning.ts'
import { bearer, createWorld, type World } from '../fixtures/world.ts'

type Kind = 'apiKey' | 'pat' | 'publishable' | 'cst'

interface RouteCase {
  path: string
  accepts: Kind[]
  /** A body that succeeds for this route, given a fresh session in `w`. */
  body(w: World, session: { client_session_id: string; user_identifier_key: string }): Record<string, unknown>
}

const ROUTES: RouteCase[] = [
  { path: '/client_sessions/create', accepts: ['apiKey', 'pat', 'publishable'], body: () => ({ user_identifier_key: 'new-user' }) },
  { path: '/client_sessions/get', accepts: ['cst', 'apiKey', 'pat'], body: (_w, s) => ({ client_session_id: s.client_session_id }) },
  { path: '/client_sessions/get_or_create', accepts: ['publishable', 'apiKey', 'pat'], body: () => ({ user_identifier_key: 'new-user' }) },
  { path: '/client_sessions/list', accepts: ['apiKey', 'pat'], body: () => ({}) },
  { path: '/client_sessions/grant_access', accepts: ['apiKey', 'pat'], body: (_w, s) => ({ client_session_id: s.client_session_id }) },
  { path: '/client_sessions/revoke', accepts: ['apiKey', 'pat'], body: (_w, s) => ({ client_session_id: s.client_session_id }) },
  { path: '/client_sessions/delete', accepts: ['apiKey', 'pat'], body: (_w, s) => ({ client_session_id: s.client_session_id }) },
]
const KINDS: Kind[] = ['apiKey', 'pat', 'publishable', 'cst']

const headersFor = (w: World, kind: Kind, token: string) =>
  kind === 'cst' ? w.as.cst(token) : kind === 'publishable' ? w.as.publishable('new-user') : w.as[kind]

describe('credentials per route (contract §2, §4)', () => {
  for (const route of ROUTES) {
    for (const kind of KINDS) {
      const accepted = route.accepts.includes(kind)
      test(`${route.path} with ${kind}: ${accepted ? '200' : '401 unauthorized'}`, async () => {
        const w = await createWorld()
        const session = await w.session({ user_identifier_key: 'existing' })
        const res = await w.api(route.path, route.body(w, session), headersFor(w, kind, session.token))
        if (accepted) {
          assert.equal(res.status, 200, res.text)
          assert.equal(res.body.ok, true)
        } else {
          assert.equal(res.status, 401, res.text)
          assert.equal(res.body.error.type, 'unauthorized')
        }
      })
    }
    test(`${route.path} without credentials: 401 unauthorized`, async () => {
      const w = await createWorld()
      const session = await w.session({ user_identifier_key: 'existing' })
      const res = await w.api(route.path, route.body(w, session), {})
      assert.equal(res.status, 401)
      assert.equal(res.body.error.type, 'unauthorized')
    })
  }
})

describe('client session token', () => {
  test('accepted from each of its three headers', async () => {
    const w = await createWorld()
    const s = await w.session({ user_identifier_key: 'jane' })
    for (const headers of [bearer(s.token), { 'client-session-token': s.token }, { 'seam-client-session-token': s.token }]) {
      const res = await w.api('/client_sessions/get', {}, headers)
      assert.equal(res.status, 200)
      assert.equal(res.body.client_session.client_session_id, s.client_session_id)
    }
  })

  test('a malformed token in a CST header answers 400 invalid_client_session_token', async () => {
    const w = await createWorld()
    for (const headers of [
      { 'client-session-token': 'garbage' },
      bearer('seam_cst1short'),
      { 'seam-client-session-token': 'seam_cst1abcdefgh_x' },
    ]) {
      const res = await w.api('/client_sessions/get', {}, headers)
      assert.equal(res.status, 400)
      assert.equal(res.body.error.type, 'invalid_client_session_token')
    }
  })

  test('two different tokens in one request are refused', async () => {
    const w = await createWorld()
    const a = await w.session({ user_identifier_key: 'a' })
    const b = await w.session({ user_identifier_key: 'b' })
    const res = await w.api('/client_sessions/get', {}, { ...bearer(a.token), 'client-session-token': b.token })
    assert.equal(res.status, 400)
    assert.equal(res.body.error.type, 'invalid_client_session_token')
  })

  test('a well-formed unknown token, or a wrong secret, answers 401 client_session_not_found', async () => {
    const w = await createWorld()
    const s = await w.session({ user_identifier_key: 'jane' })
    const wrongSecret = `${s.token.slice(0, 18)}${'A'.repeat(24)}`
    for (const token of ['seam_cst1abcdefgh_AAAAAAAAAAAAAAAAAAAAAAAA', wrongSecret]) {
      const res = await w.api('/client_sessions/get', {}, w.as.cst(token))
      assert.equal(res.status, 401)
      assert.equal(res.body.error.type, 'client_session_not_found')
    }
  })

  test('expired: 401 client_session_expired (injected clock, no sleeping)', async () => {
    const w = await createWorld()
    const s = await w.session({ user_identifier_key: 'jane', expires_at: new Date(w.clock.now().getTime() + 60_000).toISOString() })
    assert.equal((await w.api('/client_sessions/get', {}, w.as.cst(s.token))).status, 200)
    w.clock.advance(60_001)
    const res = await w.api('/client_sessions/get', {}, w.as.cst(s.token))
    assert.equal(res.status, 401)
    assert.equal(res.body.error.type, 'client_session_expired')
  })

  test('revoked: 401 client_session_revoked on the very next request', async () => {
    const w = await createWorld()
    const s = await w.session({ user_identifier_key: 'jane' })
    assert.equal((await w.api('/client_sessions/get', {}, w.as.cst(s.token))).status, 200)
    assert.equal((await w.api('/client_sessions/revoke', { client_session_id: s.client_session_id })).status, 200)
    const res = await w.api('/client_sessions/get', {}, w.as.cst(s.token))
    assert.equal(res.status, 401)
    assert.equal(res.body.error.type, 'client_session_revoked')
  })

  test('deleted: 401 client_session_not_found', async () => {
    const w = await createWorld()
    const s = await w.session({ user_identifier_key: 'jane' })
    assert.equal((await w.api('/client_sessions/delete', { client_session_id: s.client_session_id })).status, 200)
    const res = await w.api('/client_sessions/get', {}, w.as.cst(s.token))
    assert.equal(res.status, 401)
    assert.equal(res.body.error.type, 'client_session_not_found')
  })
})

describe('API key', () => {
  test('unknown, malformed, wrong-secret and revoked keys answer 401 unauthorized', async () => {
    const w = await createWorld()
    const revoked = await provisionWorkspace(w.store, w.clock, { name: 'Gone', isSandbox: false })
    const [key] = await w.store.listApiKeys(revoked.workspace_id)
    assert.ok(key)
    await w.store.revokeApiKey(key.apiKeyId, w.clock.now().toISOString())
    const wrong = `${w.ws.api_key.slice(0, 14)}${'z'.repeat(32)}`
    for (const token of ['seam_abcdefgh_zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', 'not-a-key', wrong, revoked.api_key]) {
      const res = await w.api('/client_sessions/list', {}, bearer(token))
      assert.equal(res.status, 401, token)
      assert.equal(res.body.error.type, 'unauthorized')
    }
  })
})

describe('personal access token', () => {
  test('needs seam-workspace naming a workspace its user belongs to', async () => {
    const w = await createWorld()
    const ok = await w.api('/client_sessions/list', {}, w.as.pat)
    assert.equal(ok.status, 200)
    const token = w.as.pat.authorization as string
    for (const headers of [
      { authorization: token },
      { authorization: token, 'seam-workspace': w.other.workspace_id },
      { authorization: token, 'seam-workspace': 'not-a-uuid' },
    ]) {
      const res = await w.api('/client_sessions/list', {}, headers)
      assert.equal(res.status, 401)
      assert.equal(res.body.error.type, 'unauthorized')
    }
  })

  test('a member of two workspaces reaches each through seam-workspace', async () => {
    const w = await createWorld()
    const pat = await createPersonalAccessToken(w.store, w.clock, 'dev@example.com', w.other.workspace_id)
    await w.session({ user_identifier_key: 'in-ws' })
    const inWs = await w.api('/client_sessions/list', {}, { ...bearer(pat.personal_access_token), 'seam-workspace': w.ws.workspace_id })
    const inOther = await w.api(
      '/client_sessions/list',
      {},
      { ...bearer(pat.personal_access_token), 'seam-workspace': w.other.workspace_id },
    )
    assert.equal(inWs.body.client_sessions.length, 1)
    assert.equal(inOther.body.client_sessions.length, 0)
  })
})

describe('publishable key', () => {
  test('unknown or malformed key: 401 workspace_not_found', async () => {
    const w = await createWorld()
    for (const key of ['seam_pk1abcdefgh_AAAAAAAAAAAAAAAAAAAAAAAA', 'nonsense']) {
      const res = await w.api('/client_sessions/get_or_create', { user_identifier_key: 'jane' }, { 'seam-publishable-key': key })
      assert.equal(res.status, 401)
      assert.equal(res.body.error.type, 'workspace_not_found')
    }
  })

  test('missing user_identifier_key: 401 publishable_key_requires_user_identifier_key', async () => {
    const w = await createWorld()
    for (const path of ['/client_sessions/create', '/client_sessions/get_or_create']) {
      const res = await w.api(path, {}, w.as.publishable())
      assert.equal(res.status, 401)
      assert.equal(res.body.error.type, 'publishable_key_requires_user_identifier_key')
    }
  })

  test('user_identifier_key from the body or the legacy header', async () => {
    const w = await createWorld()
    const fromBody = await w.api('/client_sessions/get_or_create', { user_identifier_key: 'jane' }, w.as.publishable())
    const fromHeader = await w.api('/client_sessions/get_or_create', {}, w.as.publishable('jane'))
    assert.equal(fromBody.status, 200)
    assert.equal(fromBody.body.client_session.user_identifier_key, 'jane')
    assert.equal(fromHeader.body.client_session.client_session_id, fromBody.body.client_session.client_session_id)
    assert.equal(fromBody.body.client_session.workspace_id, w.ws.workspace_id)
  })

  test('any id array, empty or not, answers 403 publishable_keys_must_create_empty_client_sessions', async () => {
    const w = await createWorld()
    const account = await w.seedAccount(w.ws.workspace_id)
    const webview = await w.seedWebview(w.ws.workspace_id)
    const identity = await w.seedUserIdentity(w.ws.workspace_id)
    for (const path of ['/client_sessions/create', '/client_sessions/get_or_create']) {
      for (const extra of [
        { connected_account_ids: [account] },
        { connect_webview_ids: [webview] },
        { user_identity_id: identity },
        { user_identity_ids: [identity] },
        { connected_account_ids: [] },
        { connect_webview_ids: [] },
      ]) {
        const res = await w.api(path, { user_identifier_key: 'jane', ...extra }, w.as.publishable())
        assert.equal(res.status, 403, `${path} ${JSON.stringify(extra)}`)
        assert.equal(res.body.error.type, 'publishable_keys_must_create_empty_client_sessions')
      }
    }
    assert.equal((await w.api('/client_sessions/list')).body.client_sessions.length, 0)
  })
})

describe('kinds are tried in the route order; the first present decides', () => {
  test('a CST header on a route that also accepts an API key: the CST decides', async () => {
    const w = await createWorld()
    const s = await w.session({ user_identifier_key: 'jane' })
    const res = await w.api(
      '/client_sessions/get',
      { client_session_id: s.client_session_id },
      {
        ...w.as.apiKey,
        'client-session-token': 'seam_cst1abcdefgh_AAAAAAAAAAAAAAAAAAAAAAAA',
      },
    )
    assert.equal(res.status, 401)
    assert.equal(res.body.error.type, 'client_session_not_found')
  })
})
