import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { SeamHttp, SeamHttpWithoutWorkspace } from '@seamapi/http/connect'

import { createPersonalAccessToken } from '../../../src/domain/provisioning.ts'
import { bearer, createWorld, type World } from '../../fixtures/world.ts'

const workspaceOf = async (w: World, headers = w.as.apiKey) => (await w.api('/workspaces/get', {}, headers)).body.workspace

describe('workspaces/create with company names, and workspaces/update', () => {
  test('create keeps company_name and the deprecated connect_partner_name, and answers them as Seam does', async () => {
    const w = await createWorld()
    const pat = bearer((await createPersonalAccessToken(w.store, w.clock, 'owner@example.com', w.ws.workspace_id)).personal_access_token)
    const create = async (body: Record<string, unknown>) => {
      const res = await w.api('/workspaces/create', { is_sandbox: true, ...body }, pat)
      assert.equal(res.status, 200, res.text)
      return res.body.workspace
    }
    const both = await create({ name: 'Both', company_name: 'Both Inc.', connect_partner_name: 'Both Partner' })
    assert.equal(both.company_name, 'Both Inc.')
    assert.equal(both.connect_partner_name, 'Both Partner')
    const partnerOnly = await create({ name: 'Partner', connect_partner_name: 'Partner Co.' })
    assert.equal(partnerOnly.company_name, 'Partner Co.', 'the deprecated name names the company when company_name is absent')
    assert.equal(partnerOnly.connect_partner_name, 'Partner Co.')
    const neither = await create({ name: 'Plain', connect_partner_name: null })
    assert.equal(neither.company_name, 'Plain')
    assert.equal(neither.connect_partner_name, null)
    assert.equal(neither.is_suspended, false)
    // Stored, not echoed: a list reads them back.
    const listed = (await w.api('/workspaces/list', {}, pat)).body.workspaces as { name: string; company_name: string }[]
    assert.equal(listed.find((x) => x.name === 'Both')?.company_name, 'Both Inc.')
    for (const body of [
      { name: 'X', company_name: '' },
      { name: 'X', company_name: 'x'.repeat(256) },
      { name: 'X', connect_partner_name: 3 },
    ]) {
      const res = await w.api('/workspaces/create', body, pat)
      assert.equal(res.status, 400, JSON.stringify(body))
      assert.equal(res.body.error.type, 'invalid_input')
    }
    assert.deepEqual(
      (await w.api('/workspaces/list', {}, pat)).body.workspaces.map((x: { name: string }) => x.name).sort(),
      ['Acme', 'Both', 'Partner', 'Plain'],
      'a refused create made nothing',
    )
  })

  test('update: name, connect_partner_name (the company name too) and is_suspended, by PATCH and POST, with an API key or a PAT', async () => {
    const w = await createWorld()
    const before = await workspaceOf(w)
    assert.deepEqual([before.company_name, before.connect_partner_name, before.is_suspended], ['Acme', null, false])

    const patch = await w.request({ method: 'PATCH', url: '/workspaces/update', payload: { name: 'Acme Sandbox' }, headers: w.as.apiKey })
    assert.deepEqual(patch.body, { ok: true })
    let now = await workspaceOf(w)
    assert.equal(now.name, 'Acme Sandbox')
    assert.equal(now.company_name, 'Acme Sandbox', 'without a company name of its own, the name stands in')

    assert.deepEqual((await w.api('/workspaces/update', { connect_partner_name: 'Acme Corp.', is_suspended: true }, w.as.pat)).body, {
      ok: true,
    })
    now = await workspaceOf(w)
    assert.deepEqual(
      [now.name, now.company_name, now.connect_partner_name, now.is_suspended],
      ['Acme Sandbox', 'Acme Corp.', 'Acme Corp.', true],
    )

    // Absent parameters stay; an empty update changes nothing.
    assert.deepEqual((await w.api('/workspaces/update', { is_suspended: false })).body, { ok: true })
    assert.deepEqual((await w.api('/workspaces/update', {})).body, { ok: true })
    now = await workspaceOf(w)
    assert.deepEqual([now.name, now.company_name, now.is_suspended], ['Acme Sandbox', 'Acme Corp.', false])
    // The other workspace is untouched.
    assert.equal((await workspaceOf(w, bearer(w.other.api_key))).name, 'Other')
  })

  test('update refuses what Latchkey cannot store by name, bad values, and credentials outside Seam’s list; nothing changes', async () => {
    const w = await createWorld()
    const session = await w.session({ user_identifier_key: 'jane' })
    for (const [name, value] of [
      ['company_name', 'Renamed Inc.'],
      ['connect_webview_customization', { primary_button_color: '#000000' }],
      ['is_publishable_key_auth_enabled', false],
      ['organization_id', '3f0bf6a4-6bd0-4a8b-9d41-6a4f0f2a7e10'],
    ] as const) {
      const res = await w.api('/workspaces/update', { name: 'Renamed', [name]: value })
      assert.equal(res.status, 400, name)
      assert.equal(res.body.error.type, 'invalid_input')
      assert.match(res.body.error.message, new RegExp(`^${name}: .*not supported`))
    }
    for (const body of [{ name: '' }, { name: 'x'.repeat(256) }, { is_suspended: 'yes' }, { connect_partner_name: null }]) {
      const res = await w.api('/workspaces/update', body)
      assert.equal(res.status, 400, JSON.stringify(body))
      assert.equal(res.body.error.type, 'invalid_input')
    }
    for (const headers of [w.as.cst(session.token), w.as.publishable('jane')]) {
      assert.equal((await w.api('/workspaces/update', { name: 'Renamed' }, headers)).status, 401)
    }
    assert.equal((await w.request({ method: 'GET', url: '/workspaces/update?name=Renamed', headers: w.as.apiKey })).status, 405)
    assert.equal((await workspaceOf(w)).name, 'Acme')
  })

  test("Seam's SDK: workspaces.create with company_name and connect_partner_name; workspaces.update", async () => {
    const w = await createWorld()
    const endpoint = await w.app.listen({ host: '127.0.0.1', port: 0 })
    const pat = await createPersonalAccessToken(w.store, w.clock, 'sdk@example.com', w.ws.workspace_id)
    const withoutWorkspace = SeamHttpWithoutWorkspace.fromPersonalAccessToken(pat.personal_access_token, { endpoint })
    const created = await withoutWorkspace.workspaces.create({
      name: 'Initech',
      company_name: 'Initech LLC',
      connect_partner_name: 'Initech Partner',
      is_sandbox: true,
    })
    assert.equal(created.company_name, 'Initech LLC')
    assert.equal(created.connect_partner_name, 'Initech Partner')

    const seam = new SeamHttp({ apiKey: w.ws.api_key, endpoint })
    await seam.workspaces.update({ name: 'Acme Two', connect_partner_name: 'Acme Two Ltd.', is_suspended: true })
    const got = await seam.workspaces.get()
    assert.equal(got.name, 'Acme Two')
    assert.equal(got.company_name, 'Acme Two Ltd.')
    assert.equal(got.is_suspended, true)
  })
})
