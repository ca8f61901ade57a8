import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, test } from 'node:test'

import { connectSaltoKs, connectSaltoSpace } from '../../fixtures/acs.ts'
import { bearer, createWorld, type World } from '../../fixtures/world.ts'

interface Unmanaged {
  user_identity_id: string
  email_address: string | null
  phone_number: string | null
  full_name: string | null
  display_name: string
  acs_user_ids: string[]
  user_identity_key?: unknown
}

const unmanagedList = async (w: World, body: Record<string, unknown> = {}, headers = w.as.apiKey) => {
  const res = await w.api('/user_identities/unmanaged/list', body, headers)
  assert.equal(res.status, 200, res.text)
  return res.body.user_identities as Unmanaged[]
}

describe('user_identities/unmanaged: the identities an access system’s users come with', () => {
  test('connecting Salto Space makes one unmanaged identity per user, linked to it; they stay out of user_identities/list and get', async () => {
    const w = await createWorld()
    await connectSaltoSpace(w)
    const listed = await unmanagedList(w)
    assert.deepEqual(listed.map((u) => u.email_address).sort(), ['john.guest@example.com', 'maria.staff@example.com'])
    const maria = listed.find((u) => u.full_name === 'Maria Staff')
    assert.ok(maria)
    assert.equal(maria.phone_number, '+15555550100')
    assert.equal(maria.display_name, 'Maria Staff')
    assert.equal('user_identity_key' in maria, false, 'unmanaged identities have no key')
    assert.equal(maria.acs_user_ids.length, 1)
    const acsUser = await w.store.getAcsUser({ workspaceId: w.ws.workspace_id, clientSessionId: null }, maria.acs_user_ids[0] as string)
    assert.equal(acsUser?.userIdentityId, maria.user_identity_id)
    const wire = (await w.api('/acs/users/get', { acs_user_id: maria.acs_user_ids[0] })).body.acs_user
    assert.equal(wire.user_identity_id, maria.user_identity_id)
    assert.equal(wire.user_identity_phone_number, '+15555550100')
    const got = await w.request({
      method: 'GET',
      url: `/user_identities/unmanaged/get?user_identity_id=${maria.user_identity_id}`,
      headers: w.as.apiKey,
    })
    assert.equal(got.status, 200, got.text)
    assert.deepEqual(got.body.user_identity, maria)
    assert.deepEqual((await w.api('/user_identities/list')).body.user_identities, [])
    const managedGet = await w.api('/user_identities/get', { user_identity_id: maria.user_identity_id })
    assert.equal(managedGet.status, 404)
    assert.equal(managedGet.body.error.type, 'user_identity_not_found')
  })

  test('an identity with the user’s email address or phone number takes the user instead of a new unmanaged one', async () => {
    const w = await createWorld()
    const managed = (await w.api('/user_identities/create', { user_identity_key: 'alice', phone_number: '+15555550101' })).body
      .user_identity
    await connectSaltoKs(w)
    const listed = await unmanagedList(w)
    assert.deepEqual(
      listed.map((u) => u.email_address),
      ['bob@example.com'],
    )
    assert.equal(listed[0]?.acs_user_ids.length, 1)
    const alice = (await w.api('/user_identities/get', { user_identity_id: managed.user_identity_id })).body.user_identity
    assert.equal(alice.acs_user_ids.length, 1)
    const users = (await w.api('/user_identities/list_acs_users', { user_identity_id: managed.user_identity_id })).body.acs_users
    assert.equal(users[0].full_name, 'Alice Andrews')
  })

  test('list: search by name, email, phone, id or system; created_before; paging', async () => {
    const w = await createWorld()
    await connectSaltoSpace(w)
    w.clock.advance(60_000)
    const cut = w.clock.now().toISOString()
    w.clock.advance(60_000)
    await connectSaltoKs(w)
    assert.equal((await unmanagedList(w)).length, 4)
    assert.deepEqual(
      (await unmanagedList(w, { search: 'maria' })).map((u) => u.full_name),
      ['Maria Staff'],
    )
    assert.deepEqual(
      (await unmanagedList(w, { search: '550101' })).map((u) => u.full_name),
      ['Alice Andrews'],
    )
    const scope = { workspaceId: w.ws.workspace_id, clientSessionId: null }
    const ks = (await w.store.listAcsSystems(scope, {})).find((s) => s.externalType === 'salto_ks_site')
    assert.ok(ks)
    const bySystem = await unmanagedList(w, { search: ks.acsSystemId })
    assert.deepEqual(bySystem.map((u) => u.full_name).sort(), ['Alice Andrews', 'Bob Brown'])
    const before = await unmanagedList(w, { created_before: cut })
    assert.deepEqual(before.map((u) => u.full_name).sort(), ['John Guest', 'Maria Staff'])
    const first = await w.api('/user_identities/unmanaged/list', { limit: 3 })
    assert.equal(first.body.user_identities.length, 3)
    assert.equal(first.body.pagination.has_next_page, true)
    const second = await w.api('/user_identities/unmanaged/list', { limit: 3, page_cursor: first.body.pagination.next_page_cursor })
    assert.equal(second.body.user_identities.length, 1)
  })

  test('update is_managed: true converts one (with a key when given): it leaves unmanaged/*, user_identities/get answers it', async () => {
    const w = await createWorld()
    await connectSaltoSpace(w)
    const [john, maria] = (await unmanagedList(w)).sort((a, b) => (a.full_name ?? '').localeCompare(b.full_name ?? ''))
    assert.ok(john && maria)
    const patch = await w.request({
      method: 'PATCH',
      url: '/user_identities/unmanaged/update',
      payload: { user_identity_id: maria.user_identity_id, is_managed: true, user_identity_key: 'maria' },
      headers: w.as.apiKey,
    })
    assert.equal(patch.status, 200, patch.text)
    const got = (await w.api('/user_identities/get', { user_identity_key: 'maria' })).body.user_identity
    assert.equal(got.user_identity_id, maria.user_identity_id)
    assert.deepEqual(got.acs_user_ids, maria.acs_user_ids)
    assert.equal(
      (await w.api('/user_identities/unmanaged/update', { user_identity_id: john.user_identity_id, is_managed: true })).status,
      200,
    )
    assert.equal(
      (await w.api('/user_identities/get', { user_identity_id: john.user_identity_id })).body.user_identity.user_identity_key,
      null,
    )
    assert.deepEqual(await unmanagedList(w), [])
    const gone = await w.api('/user_identities/unmanaged/get', { user_identity_id: maria.user_identity_id })
    assert.equal(gone.status, 404)
    assert.equal(gone.body.error.type, 'user_identity_not_found')
  })

  test('add_acs_user takes a user from its unmanaged identity', async () => {
    const w = await createWorld()
    await connectSaltoSpace(w)
    const john = (await unmanagedList(w)).find((u) => u.full_name === 'John Guest')
    assert.ok(john)
    const managed = (await w.api('/user_identities/create', { user_identity_key: 'john' })).body.user_identity.user_identity_id
    const acs_user_id = john.acs_user_ids[0]
    assert.equal((await w.api('/user_identities/add_acs_user', { user_identity_id: managed, acs_user_id })).status, 200)
    assert.deepEqual(
      (await w.api('/user_identities/unmanaged/get', { user_identity_id: john.user_identity_id })).body.user_identity.acs_user_ids,
      [],
    )
  })

  test('errors and client sessions: a managed, unknown or foreign identity 404; a key in use 400; is_managed other than true 400; a session reaches only its own', async () => {
    const w = await createWorld()
    await connectSaltoSpace(w)
    const [one, two] = await unmanagedList(w)
    assert.ok(one && two)
    const managed = (await w.api('/user_identities/create', { user_identity_key: 'taken' })).body.user_identity.user_identity_id
    const foreign = (await w.api('/user_identities/create', {}, bearer(w.other.api_key))).body.user_identity.user_identity_id
    for (const id of [managed, randomUUID(), foreign]) {
      for (const [path, body] of [
        ['/user_identities/unmanaged/get', { user_identity_id: id }],
        ['/user_identities/unmanaged/update', { user_identity_id: id, is_managed: true }],
      ] as const) {
        const res = await w.api(path, body)
        assert.equal(res.status, 404, `${path} ${id}`)
        assert.equal(res.body.error.type, 'user_identity_not_found')
      }
    }
    for (const [path, body] of [
      ['/user_identities/unmanaged/get', {}],
      ['/user_identities/unmanaged/update', { user_identity_id: one.user_identity_id, is_managed: false }],
      ['/user_identities/unmanaged/update', { user_identity_id: one.user_identity_id }],
      ['/user_identities/unmanaged/list', { created_before: 'yesterday' }],
    ] as const) {
      const res = await w.api(path, body)
      assert.equal(res.status, 400, `${path}: ${res.text}`)
      assert.equal(res.body.error.type, 'invalid_input')
    }
    const taken = await w.api('/user_identities/unmanaged/update', {
      user_identity_id: one.user_identity_id,
      is_managed: true,
      user_identity_key: 'taken',
    })
    assert.equal(taken.status, 400)
    assert.equal(taken.body.error.type, 'user_identity_key_already_in_use')
    assert.equal((await unmanagedList(w)).length, 2, 'nothing changed')

    const session = await w.session({ user_identifier_key: 'one', user_identity_id: one.user_identity_id })
    const cst = w.as.cst(session.token)
    assert.deepEqual(
      (await unmanagedList(w, {}, cst)).map((u) => u.user_identity_id),
      [one.user_identity_id],
    )
    assert.equal((await w.api('/user_identities/unmanaged/get', { user_identity_id: one.user_identity_id }, cst)).status, 401)
    const other = await w.api('/user_identities/unmanaged/update', { user_identity_id: two.user_identity_id, is_managed: true }, cst)
    assert.equal(other.status, 404)
    assert.equal(other.body.error.type, 'user_identity_not_found')
    assert.equal(
      (await w.api('/user_identities/unmanaged/update', { user_identity_id: one.user_identity_id, is_managed: true }, cst)).status,
      200,
    )
    assert.deepEqual(await unmanagedList(w, {}, cst), [])
  })
})
