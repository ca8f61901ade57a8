import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { SeamHttp, SeamHttpWithoutWorkspace } from '@seamapi/http/connect'

import { createPersonalAccessToken } from '../../src/domain/provisioning.ts'
import { bearer, createWorld } from '../fixtures/world.ts'

// Sorted: workspaces made at the same instant come in id order.
const names = (body: { workspaces: { name: string }[] }) => body.workspaces.map((w) => w.name).sort()

describe('workspaces/list and workspaces/create', () => {
  test('list: an API key and a client session token see their own workspace; a PAT every workspace of its user', async () => {
    const w = await createWorld()
    // The PAT's user is a member of Acme; made a member of Other too, it sees both.
    const pat = await createPersonalAccessToken(w.store, w.clock, 'dev@example.com', w.other.workspace_id)
    assert.deepEqual(names((await w.api('/workspaces/list')).body), ['Acme'])
    const session = await w.session({ user_identifier_key: 'jane' })
    assert.deepEqual(names((await w.api('/workspaces/list', {}, w.as.cst(session.token))).body), ['Acme'])
    assert.deepEqual(names((await w.api('/workspaces/list', {}, bearer(pat.personal_access_token))).body), ['Acme', 'Other'])
    assert.deepEqual(names((await w.api('/workspaces/list', {}, w.as.pat)).body), ['Acme', 'Other'])
    const bad = await w.api('/workspaces/list', {}, bearer(`${pat.personal_access_token}x`))
    assert.equal(bad.status, 401)
    // Elsewhere a PAT without seam-workspace still gets the PAT kind's own message.
    const elsewhere = await w.api('/client_sessions/list', {}, bearer(pat.personal_access_token))
    assert.equal(elsewhere.status, 401)
    assert.match(elsewhere.body.error.message, /seam-workspace/)
  })

  test('create: a PAT without a workspace makes one it is a member of; other credentials are refused', async () => {
    const w = await createWorld()
    const pat = await createPersonalAccessToken(w.store, w.clock, 'new@example.com', w.other.workspace_id)
    const created = await w.api('/workspaces/create', { name: 'Globex', is_sandbox: true }, bearer(pat.personal_access_token))
    assert.equal(created.status, 200, JSON.stringify(created.body))
    assert.equal(created.body.workspace.name, 'Globex')
    assert.equal(created.body.workspace.is_sandbox, true)
    assert.deepEqual(names((await w.api('/workspaces/list', {}, bearer(pat.personal_access_token))).body), ['Globex', 'Other'])
    // Its PAT now reaches the new workspace.
    const inside = await w.api(
      '/client_sessions/list',
      {},
      { ...bearer(pat.personal_access_token), 'seam-workspace': created.body.workspace.workspace_id },
    )
    assert.equal(inside.status, 200)
    assert.equal((await w.api('/workspaces/create', { name: 'X' })).status, 401)
    assert.equal((await w.api('/workspaces/create', { name: 'X' }, w.as.pat)).status, 401)
    const refused = await w.api('/workspaces/create', { name: 'X', webview_logo_shape: 'circle' }, bearer(pat.personal_access_token))
    assert.equal(refused.status, 400)
    assert.match(refused.body.error.message, /webview_logo_shape: .*not supported/)
    assert.equal((await w.api('/workspaces/create', {}, bearer(pat.personal_access_token))).body.error.type, 'invalid_input')
  })

  test('the official SDK: SeamHttpWithoutWorkspace creates and lists workspaces; SeamHttp lists with an API key', async () => {
    const w = await createWorld()
    const endpoint = await w.app.listen({ host: '127.0.0.1', port: 0 })
    const pat = await createPersonalAccessToken(w.store, w.clock, 'sdk@example.com', w.ws.workspace_id)
    const seam = SeamHttpWithoutWorkspace.fromPersonalAccessToken(pat.personal_access_token, { endpoint })
    const workspace = await seam.workspaces.create({ name: 'Initech', is_sandbox: true })
    assert.equal(workspace.name, 'Initech')
    assert.deepEqual((await seam.workspaces.list()).map((x) => x.name).sort(), ['Acme', 'Initech'])
    const backend = new SeamHttp({ apiKey: w.ws.api_key, endpoint })
    assert.deepEqual(
      (await backend.workspaces.list()).map((x) => x.workspace_id),
      [w.ws.workspace_id],
    )
  })
})
