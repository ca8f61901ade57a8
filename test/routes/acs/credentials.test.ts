import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { identityUserOn, saltoKsSite, saltoSpaceSite } from '../../fixtures/acs-site.ts'
import { bearer, createWorld } from '../../fixtures/world.ts'

const HOUR = 3_600_000

describe('acs/credentials: create, get, list, update, delete', () => {
  test('a card for an acs user is not issued until encoded; code, cloud key and mobile key are issued at once with acs_credential.issued', async () => {
    const w = await createWorld()
    const space = await saltoSpaceSite(w)
    const maria = space.user('Maria Staff')
    const card = await w.api('/acs/credentials/create', { acs_user_id: maria.acsUserId, access_method: 'card' })
    assert.equal(card.status, 200, card.text)
    const c = card.body.acs_credential
    assert.equal(c.access_method, 'card')
    assert.equal(c.is_issued, false)
    assert.equal(c.issued_at, null)
    assert.equal(c.card_number, null)
    assert.equal(c.acs_user_id, maria.acsUserId)
    assert.equal(c.acs_system_id, space.systemId)
    assert.equal(c.external_type, 'salto_space_key')
    assert.equal(c.is_managed, true)
    const cloud = (await w.api('/acs/credentials/create', { acs_user_id: maria.acsUserId, access_method: 'cloud_key' })).body.acs_credential
    assert.equal(cloud.is_issued, true)
    assert.equal(cloud.issued_at, w.clock.now().toISOString())
    const got = await w.api('/acs/credentials/get', { acs_credential_id: c.acs_credential_id })
    assert.deepEqual(got.body.acs_credential, c)

    const ks = await saltoKsSite(w)
    const alice = ks.user('Alice Andrews')
    const pin = (await w.api('/acs/credentials/create', { acs_user_id: alice.acsUserId, access_method: 'code' })).body.acs_credential
    assert.match(pin.code, /^\d{6}$/, 'a generated six-digit PIN')
    assert.equal(pin.is_issued, true)
    assert.equal(pin.external_type, 'salto_ks_credential')
    const given = await w.api('/acs/credentials/create', { acs_user_id: alice.acsUserId, access_method: 'code', code: '4321' })
    assert.equal(given.body.acs_credential.code, '4321')
    const events = (await w.api('/events/list', { event_type: 'acs_credential.issued' })).body.events as { acs_credential_id: string }[]
    const issued = new Set(events.map((e) => e.acs_credential_id))
    assert.ok(
      issued.has(cloud.acs_credential_id) && issued.has(pin.acs_credential_id) && issued.has(given.body.acs_credential.acs_credential_id),
    )
    assert.equal(issued.has(c.acs_credential_id), false, 'a card is issued by its encoding only')
  })

  test('a user identity with acs_system_id: its acs user there holds it; a mobile key needs a user identity', async () => {
    const w = await createWorld()
    const space = await saltoSpaceSite(w)
    const dana = await identityUserOn(w, space)
    const res = await w.api('/acs/credentials/create', {
      user_identity_id: dana.userIdentityId,
      acs_system_id: space.systemId,
      access_method: 'mobile_key',
      is_multi_phone_sync_credential: true,
    })
    assert.equal(res.status, 200, res.text)
    assert.equal(res.body.acs_credential.acs_user_id, dana.acsUserId)
    assert.equal(res.body.acs_credential.user_identity_id, dana.userIdentityId)
    assert.equal(res.body.acs_credential.is_multi_phone_sync_credential, true)
    // An acs user of no user identity (the site's own users are linked to unmanaged identities).
    const lone = await w.api('/acs/users/create', { acs_system_id: space.systemId, full_name: 'Lone Walker' })
    assert.equal(lone.status, 200, lone.text)
    const noIdentity = await w.api('/acs/credentials/create', {
      acs_user_id: lone.body.acs_user.acs_user_id,
      access_method: 'mobile_key',
    })
    assert.equal(noIdentity.status, 400)
    assert.equal(noIdentity.body.error.type, 'invalid_input')
    assert.ok(noIdentity.body.error.validation_errors.access_method)
    // An identity without an acs user on the system gets one, but not from a request refused.
    const newcomer = await w.seedUserIdentity(w.ws.workspace_id)
    const refusedCode = await w.api('/acs/credentials/create', {
      user_identity_id: newcomer,
      acs_system_id: space.systemId,
      access_method: 'code',
    })
    assert.equal(refusedCode.status, 400)
    const scope = { workspaceId: w.ws.workspace_id, clientSessionId: null }
    const ALL = { limit: 100, after: undefined }
    assert.deepEqual((await w.store.listAcsUsers(scope, { userIdentityId: newcomer }, ALL)).items, [])
    const made = await w.api('/acs/credentials/create', {
      user_identity_id: newcomer,
      acs_system_id: space.systemId,
      access_method: 'card',
    })
    assert.equal(made.status, 200, made.text)
    const [newUser] = (await w.store.listAcsUsers(scope, { userIdentityId: newcomer }, ALL)).items
    assert.equal(made.body.acs_credential.acs_user_id, newUser?.acsUserId)
    assert.equal(newUser?.acsSystemId, space.systemId)
    const noSystem = await w.api('/acs/credentials/create', { user_identity_id: dana.userIdentityId, access_method: 'card' })
    assert.equal(noSystem.status, 400)
    assert.ok(noSystem.body.error.validation_errors.acs_system_id)
  })

  test('bad input answers Seam’s errors and creates nothing', async () => {
    const w = await createWorld()
    const space = await saltoSpaceSite(w)
    const ks = await saltoKsSite(w)
    const maria = space.user('Maria Staff').acsUserId
    const alice = ks.user('Alice Andrews').acsUserId
    const before = (await w.api('/acs/credentials/list')).body.acs_credentials.length
    const cases: [Record<string, unknown>, number, string, string?][] = [
      [{ acs_user_id: maria }, 400, 'invalid_input', 'access_method'],
      [{ acs_user_id: maria, access_method: 'badge' }, 400, 'invalid_input', 'access_method'],
      [{ access_method: 'card' }, 400, 'invalid_input', 'acs_user_id'],
      [{ acs_user_id: crypto.randomUUID(), access_method: 'card' }, 404, 'acs_user_not_found'],
      [{ user_identity_id: crypto.randomUUID(), acs_system_id: space.systemId, access_method: 'card' }, 404, 'user_identity_not_found'],
      [{ user_identity_id: crypto.randomUUID(), acs_system_id: crypto.randomUUID(), access_method: 'card' }, 404, 'acs_system_not_found'],
      [{ acs_user_id: maria, acs_system_id: ks.systemId, access_method: 'card' }, 400, 'invalid_input', 'acs_system_id'],
      // Salto Space has no PIN codes.
      [{ acs_user_id: maria, access_method: 'code' }, 400, 'invalid_input', 'access_method'],
      [{ acs_user_id: alice, access_method: 'code', code: '12a4' }, 400, 'invalid_input', 'code'],
      [{ acs_user_id: alice, access_method: 'code', code: '123' }, 400, 'invalid_input', 'code'],
      [{ acs_user_id: alice, access_method: 'code', code: '123456789' }, 400, 'invalid_input', 'code'],
      [{ acs_user_id: alice, access_method: 'card', code: '1234' }, 400, 'invalid_input', 'code'],
      [
        { acs_user_id: maria, access_method: 'card', ends_at: new Date(w.clock.now().getTime() - HOUR).toISOString() },
        400,
        'invalid_input',
        'ends_at',
      ],
      [
        {
          acs_user_id: maria,
          access_method: 'card',
          starts_at: new Date(w.clock.now().getTime() + 2 * HOUR).toISOString(),
          ends_at: new Date(w.clock.now().getTime() + HOUR).toISOString(),
        },
        400,
        'invalid_input',
        'ends_at',
      ],
      [
        { acs_user_id: maria, access_method: 'card', allowed_acs_entrance_ids: [ks.entrance('Front Door').acsEntranceId] },
        404,
        'acs_entrance_not_found',
      ],
      [
        { acs_user_id: maria, access_method: 'cloud_key', allowed_acs_entrance_ids: [space.entrance('Room 101').acsEntranceId] },
        400,
        'invalid_input',
        'allowed_acs_entrance_ids',
      ],
      [
        { acs_user_id: maria, access_method: 'card', salto_space_metadata: { assign_new_key: true } },
        400,
        'invalid_input',
        'salto_space_metadata',
      ],
    ]
    for (const [body, status, type, field] of cases) {
      const res = await w.api('/acs/credentials/create', body)
      assert.equal(res.status, status, `${JSON.stringify(body)}: ${res.text}`)
      assert.equal(res.body.error.type, type, JSON.stringify(body))
      if (field !== undefined) assert.ok(res.text.includes(field), `${field} named: ${res.text}`)
    }
    assert.equal((await w.api('/acs/credentials/list')).body.acs_credentials.length, before)
    const otherKey = bearer(w.other.api_key)
    const fromOther = await w.api('/acs/credentials/create', { acs_user_id: maria, access_method: 'card' }, otherKey)
    assert.equal(fromOther.status, 404)
    assert.equal(fromOther.body.error.type, 'acs_user_not_found')
  })

  test('list filters by user, system and user identity, searches, pages newest first; get answers 404 elsewhere', async () => {
    const w = await createWorld()
    const space = await saltoSpaceSite(w)
    const ks = await saltoKsSite(w)
    const maria = space.user('Maria Staff').acsUserId
    const made: string[] = []
    for (let i = 0; i < 3; i++) {
      w.clock.advance(1000)
      made.push(
        (await w.api('/acs/credentials/create', { acs_user_id: maria, access_method: 'card' })).body.acs_credential.acs_credential_id,
      )
    }
    const dana = await identityUserOn(w, space)
    const danas = (await w.api('/acs/credentials/create', { acs_user_id: dana.acsUserId, access_method: 'cloud_key' })).body.acs_credential
    const ids = async (body: Record<string, unknown>) =>
      ((await w.api('/acs/credentials/list', body)).body.acs_credentials as { acs_credential_id: string }[]).map((c) => c.acs_credential_id)
    assert.deepEqual(await ids({ acs_user_id: maria }), [...made].reverse())
    assert.deepEqual(await ids({ user_identity_id: dana.userIdentityId }), [danas.acs_credential_id])
    const ksIds = await ids({ acs_system_id: ks.systemId })
    assert.ok(ksIds.length >= 2)
    assert.equal(
      ksIds.some((id) => made.includes(id)),
      false,
    )
    assert.deepEqual(await ids({ acs_user_id: maria, acs_system_id: ks.systemId }), [])
    assert.deepEqual(await ids({ search: 'Dana' }), [danas.acs_credential_id])
    const page1 = (await w.api('/acs/credentials/list', { acs_user_id: maria, limit: 2 })).body
    assert.equal(page1.acs_credentials.length, 2)
    assert.equal(page1.pagination.has_next_page, true)
    const page2 = (await w.api('/acs/credentials/list', { acs_user_id: maria, limit: 2, page_cursor: page1.pagination.next_page_cursor }))
      .body
    assert.deepEqual(
      page2.acs_credentials.map((c: { acs_credential_id: string }) => c.acs_credential_id),
      [made[0]],
    )
    const refused = await w.api('/acs/credentials/list', { is_multi_phone_sync_credential: true })
    assert.equal(refused.status, 400)
    assert.ok(refused.text.includes('is_multi_phone_sync_credential'))
    const otherKey = bearer(w.other.api_key)
    assert.deepEqual((await w.api('/acs/credentials/list', {}, otherKey)).body.acs_credentials, [])
    const elsewhere = await w.api('/acs/credentials/get', { acs_credential_id: made[0] }, otherKey)
    assert.equal(elsewhere.status, 404)
    assert.equal(elsewhere.body.error.type, 'acs_credential_not_found')
    const missing = await w.api('/acs/credentials/get', { acs_credential_id: crypto.randomUUID() })
    assert.equal(missing.body.error.type, 'acs_credential_not_found')
  })

  test('a client session sees only its user identity’s credentials, and no other route of credentials', async () => {
    const w = await createWorld()
    const space = await saltoSpaceSite(w)
    const dana = await identityUserOn(w, space)
    const danas = (await w.api('/acs/credentials/create', { acs_user_id: dana.acsUserId, access_method: 'cloud_key' })).body.acs_credential
    const marias = (await w.api('/acs/credentials/create', { acs_user_id: space.user('Maria Staff').acsUserId, access_method: 'card' }))
      .body.acs_credential
    const withIdentity = await w.session({ user_identity_id: dana.userIdentityId })
    const cst = w.as.cst(withIdentity.token)
    const seen = (await w.api('/acs/credentials/list', {}, cst)).body.acs_credentials as { acs_credential_id: string }[]
    assert.deepEqual(
      seen.map((c) => c.acs_credential_id),
      [danas.acs_credential_id],
    )
    const ofMaria = await w.api('/acs/credentials/list', { acs_user_id: space.user('Maria Staff').acsUserId }, cst)
    assert.equal(ofMaria.status, 200)
    assert.deepEqual(ofMaria.body.acs_credentials, [])
    const noIdentity = await w.session({ user_identifier_key: 'nobody' })
    assert.deepEqual((await w.api('/acs/credentials/list', {}, w.as.cst(noIdentity.token))).body.acs_credentials, [])
    for (const [path, body] of [
      ['/acs/credentials/get', { acs_credential_id: danas.acs_credential_id }],
      ['/acs/credentials/create', { acs_user_id: dana.acsUserId, access_method: 'card' }],
      ['/acs/credentials/delete', { acs_credential_id: marias.acs_credential_id }],
      ['/acs/credentials/list_accessible_entrances', { acs_credential_id: danas.acs_credential_id }],
    ] as const) {
      const res = await w.api(path, body, cst)
      assert.equal(res.status, 401, `${path}: ${res.text}`)
    }
  })

  test('update changes a code or the end of validity; delete revokes with acs_credential.deleted', async () => {
    const w = await createWorld()
    const ks = await saltoKsSite(w)
    const alice = ks.user('Alice Andrews').acsUserId
    const pin = (await w.api('/acs/credentials/create', { acs_user_id: alice, access_method: 'code', code: '1111' })).body.acs_credential
    const endsAt = new Date(w.clock.now().getTime() + 24 * HOUR).toISOString()
    const updated = await w.api('/acs/credentials/update', { acs_credential_id: pin.acs_credential_id, code: '2222', ends_at: endsAt })
    assert.equal(updated.status, 200, updated.text)
    assert.equal(updated.body.acs_credential.code, '2222')
    assert.equal(updated.body.acs_credential.ends_at, endsAt)
    const card = (await w.api('/acs/credentials/create', { acs_user_id: alice, access_method: 'card' })).body.acs_credential
    for (const [body, status, type] of [
      [{ acs_credential_id: card.acs_credential_id, code: '1234' }, 400, 'invalid_input'],
      [{ acs_credential_id: pin.acs_credential_id, code: '12' }, 400, 'invalid_input'],
      [{ acs_credential_id: pin.acs_credential_id, code: 'abcd' }, 400, 'invalid_input'],
      [{ acs_credential_id: pin.acs_credential_id, ends_at: new Date(w.clock.now().getTime() - HOUR).toISOString() }, 400, 'invalid_input'],
      [{ acs_credential_id: crypto.randomUUID(), code: '1234' }, 404, 'acs_credential_not_found'],
    ] as const) {
      const res = await w.api('/acs/credentials/update', body)
      assert.equal(res.status, status, res.text)
      assert.equal(res.body.error.type, type)
    }
    assert.equal((await w.api('/acs/credentials/get', { acs_credential_id: pin.acs_credential_id })).body.acs_credential.code, '2222')

    const entrances = await w.api('/acs/credentials/list_accessible_entrances', { acs_credential_id: pin.acs_credential_id })
    assert.ok(entrances.body.acs_entrances.length > 0)
    const deleted = await w.api('/acs/credentials/delete', { acs_credential_id: pin.acs_credential_id })
    assert.equal(deleted.status, 200, deleted.text)
    assert.equal((await w.api('/acs/credentials/get', { acs_credential_id: pin.acs_credential_id })).status, 404)
    const again = await w.api('/acs/credentials/delete', { acs_credential_id: pin.acs_credential_id })
    assert.equal(again.status, 404)
    assert.equal(again.body.error.type, 'acs_credential_not_found')
    const gone = await w.api('/acs/credentials/list_accessible_entrances', { acs_credential_id: pin.acs_credential_id })
    assert.equal(gone.body.error.type, 'acs_credential_not_found')
    const events = (await w.api('/events/list', { event_type: 'acs_credential.deleted' })).body.events
    assert.equal(events.length, 1)
    assert.equal(events[0].acs_credential_id, pin.acs_credential_id)
    assert.equal(events[0].acs_system_id, ks.systemId)
  })
})
