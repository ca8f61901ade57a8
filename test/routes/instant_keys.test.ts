import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, test } from 'node:test'

import { connectSaltoSpace } from '../fixtures/acs.ts'
import { bearer, createWorld, type World } from '../fixtures/world.ts'

interface InstantKey {
  instant_key_id: string
  user_identity_id: string
  client_session_id: string
  instant_key_url: string
  expires_at: string
  created_at: string
}

const identity = async (w: World, key: string, headers = w.as.apiKey) =>
  (await w.api('/user_identities/create', { user_identity_key: key }, headers)).body.user_identity.user_identity_id as string

const generate = async (w: World, userIdentityId: string, headers = w.as.apiKey): Promise<InstantKey> => {
  const res = await w.api('/user_identities/generate_instant_key', { user_identity_id: userIdentityId }, headers)
  assert.equal(res.status, 200, res.text)
  return res.body.instant_key as InstantKey
}

/** The client session token an Instant Key's link carries. */
const tokenOf = (key: InstantKey): string => {
  const token = new URL(key.instant_key_url).hash.replace('#client_session_token=', '')
  assert.match(token, /^seam_cst/)
  return token
}

describe('instant keys', () => {
  test('generate_instant_key makes a client session of the identity whose token the link carries; it reaches the identity’s access', async () => {
    const w = await createWorld()
    await connectSaltoSpace(w)
    const scope = { workspaceId: w.ws.workspace_id, clientSessionId: null }
    const [acsUser] = (await w.store.listAcsUsers(scope, { search: 'John Guest' }, { limit: 1, after: undefined })).items
    assert.ok(acsUser)
    const id = await identity(w, 'guest')
    await w.api('/user_identities/add_acs_user', { user_identity_id: id, acs_user_id: acsUser.acsUserId })
    const key = await generate(w, id)
    assert.equal(key.user_identity_id, id)
    assert.ok(Date.parse(key.expires_at) > Date.parse(key.created_at))
    const session = await w.api('/client_sessions/get', { client_session_id: key.client_session_id })
    assert.equal(session.status, 200)
    assert.equal(session.body.client_session.user_identity_id, id)
    assert.equal(session.body.client_session.expires_at, key.expires_at)
    const cst = w.as.cst(tokenOf(key))
    const systems = await w.api('/user_identities/list_acs_systems', { user_identity_id: id }, cst)
    assert.equal(systems.status, 200, systems.text)
    assert.deepEqual(
      systems.body.acs_systems.map((s: { acs_system_id: string }) => s.acs_system_id),
      [acsUser.acsSystemId],
    )
    const refused = await w.api('/user_identities/generate_instant_key', { user_identity_id: id }, cst)
    assert.equal(refused.status, 401, 'a session cannot make keys')
  })

  test('get by id or by URL (with or without its token), list all or one identity’s, newest first', async () => {
    const w = await createWorld()
    const a = await identity(w, 'a')
    const b = await identity(w, 'b')
    const first = await generate(w, a)
    w.clock.advance(1000)
    const second = await generate(w, b)
    const byId = await w.request({ method: 'GET', url: `/instant_keys/get?instant_key_id=${first.instant_key_id}`, headers: w.as.apiKey })
    assert.equal(byId.status, 200)
    assert.deepEqual(byId.body.instant_key, first)
    assert.deepEqual((await w.api('/instant_keys/get', { instant_key_url: first.instant_key_url })).body.instant_key, first)
    const bare = first.instant_key_url.split('#')[0]
    assert.deepEqual((await w.api('/instant_keys/get', { instant_key_url: bare })).body.instant_key, first)
    const all = (await w.api('/instant_keys/list')).body.instant_keys as InstantKey[]
    assert.deepEqual(all, [second, first])
    assert.deepEqual((await w.api('/instant_keys/list', { user_identity_id: a })).body.instant_keys, [first])
  })

  test('delete removes the key and revokes its session: the link opens nothing; deleting the identity removes its keys', async () => {
    const w = await createWorld()
    const id = await identity(w, 'guest')
    const key = await generate(w, id)
    const other = await generate(w, id)
    const cst = w.as.cst(tokenOf(key))
    assert.equal((await w.api('/user_identities/list_acs_systems', { user_identity_id: id }, cst)).status, 200)
    const res = await w.request({
      method: 'DELETE',
      url: `/instant_keys/delete?instant_key_id=${key.instant_key_id}`,
      headers: w.as.apiKey,
    })
    assert.equal(res.status, 200, res.text)
    assert.equal((await w.api('/user_identities/list_acs_systems', { user_identity_id: id }, cst)).status, 401)
    const gone = await w.api('/instant_keys/get', { instant_key_id: key.instant_key_id })
    assert.equal(gone.status, 404)
    assert.equal(gone.body.error.type, 'instant_key_not_found')
    const again = await w.api('/instant_keys/delete', { instant_key_id: key.instant_key_id })
    assert.equal(again.status, 404)
    assert.equal(again.body.error.type, 'instant_key_not_found')
    assert.equal((await w.api('/user_identities/delete', { user_identity_id: id })).status, 200)
    assert.equal((await w.api('/instant_keys/get', { instant_key_id: other.instant_key_id })).status, 404)
  })

  test('errors: unknown or foreign identity or key 404, bad input 400, unsupported parameters refused; a client session is refused', async () => {
    const w = await createWorld()
    const id = await identity(w, 'guest')
    const foreignIdentity = await identity(w, 'x', bearer(w.other.api_key))
    const foreignKey = await generate(w, foreignIdentity, bearer(w.other.api_key))
    for (const [path, body, status, type] of [
      ['/user_identities/generate_instant_key', { user_identity_id: randomUUID() }, 404, 'user_identity_not_found'],
      ['/user_identities/generate_instant_key', { user_identity_id: foreignIdentity }, 404, 'user_identity_not_found'],
      ['/user_identities/generate_instant_key', {}, 400, 'invalid_input'],
      ['/user_identities/generate_instant_key', { user_identity_id: id, max_use_count: 3 }, 400, 'invalid_input'],
      ['/user_identities/generate_instant_key', { user_identity_id: id, customization_profile_id: randomUUID() }, 400, 'invalid_input'],
      ['/instant_keys/get', { instant_key_id: foreignKey.instant_key_id }, 404, 'instant_key_not_found'],
      ['/instant_keys/get', { instant_key_url: foreignKey.instant_key_url }, 404, 'instant_key_not_found'],
      ['/instant_keys/get', { instant_key_id: randomUUID() }, 404, 'instant_key_not_found'],
      ['/instant_keys/get', {}, 400, 'invalid_input'],
      ['/instant_keys/get', { instant_key_url: 'not a url' }, 400, 'invalid_input'],
      ['/instant_keys/delete', { instant_key_id: foreignKey.instant_key_id }, 404, 'instant_key_not_found'],
      ['/instant_keys/delete', {}, 400, 'invalid_input'],
      ['/instant_keys/list', { user_identity_id: 'nope' }, 400, 'invalid_input'],
    ] as const) {
      const res = await w.api(path, body)
      assert.equal(res.status, status, `${path} ${JSON.stringify(body)}: ${res.text}`)
      assert.equal(res.body.error.type, type)
    }
    assert.deepEqual((await w.api('/instant_keys/list')).body.instant_keys, [])
    assert.equal((await w.api('/instant_keys/get', { instant_key_id: foreignKey.instant_key_id }, bearer(w.other.api_key))).status, 200)
    const session = await w.session({ user_identifier_key: 's', user_identity_id: id })
    for (const path of ['/instant_keys/get', '/instant_keys/list', '/instant_keys/delete']) {
      assert.equal((await w.api(path, { instant_key_id: foreignKey.instant_key_id }, w.as.cst(session.token))).status, 401, path)
    }
  })
})
