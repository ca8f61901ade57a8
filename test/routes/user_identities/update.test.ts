import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, test } from 'node:test'

import { bearer, createWorld } from '../../fixtures/world.ts'

describe('user_identities/update', () => {
  test('changes the fields given (PATCH or POST), null clears one, an absent one stays', async () => {
    const w = await createWorld()
    const created = (
      await w.api('/user_identities/create', {
        user_identity_key: 'jane',
        email_address: 'jane@example.com',
        phone_number: '+15555550110',
        full_name: 'Jane Doe',
      })
    ).body.user_identity
    const user_identity_id = created.user_identity_id
    const patch = await w.request({
      method: 'PATCH',
      url: '/user_identities/update',
      payload: { user_identity_id, full_name: 'Jane Smith', phone_number: null },
      headers: w.as.apiKey,
    })
    assert.equal(patch.status, 200, patch.text)
    assert.deepEqual(patch.body, { ok: true })
    let got = (await w.api('/user_identities/get', { user_identity_id })).body.user_identity
    assert.equal(got.full_name, 'Jane Smith')
    assert.equal(got.display_name, 'Jane Smith')
    assert.equal(got.phone_number, null)
    assert.equal(got.email_address, 'jane@example.com')
    assert.equal(got.user_identity_key, 'jane')
    assert.equal((await w.api('/user_identities/update', { user_identity_id, user_identity_key: 'jane-2', full_name: null })).status, 200)
    got = (await w.api('/user_identities/get', { user_identity_key: 'jane-2' })).body.user_identity
    assert.equal(got.user_identity_id, user_identity_id)
    assert.equal(got.full_name, null)
    assert.equal(got.display_name, 'jane@example.com')
    assert.equal((await w.api('/user_identities/update', { user_identity_id })).status, 200, 'nothing to change is fine')
  })

  test('errors: a key another identity has 400 user_identity_key_already_in_use, unknown or foreign 404, bad input 400; nothing changes', async () => {
    const w = await createWorld()
    const a = (await w.api('/user_identities/create', { user_identity_key: 'a', full_name: 'A' })).body.user_identity.user_identity_id
    await w.api('/user_identities/create', { user_identity_key: 'b' })
    const foreign = (await w.api('/user_identities/create', { user_identity_key: 'c' }, bearer(w.other.api_key))).body.user_identity
    for (const [body, status, type] of [
      [{ user_identity_id: a, user_identity_key: 'b', full_name: 'Changed' }, 400, 'user_identity_key_already_in_use'],
      [{ user_identity_id: randomUUID(), full_name: 'x' }, 404, 'user_identity_not_found'],
      [{ user_identity_id: foreign.user_identity_id, full_name: 'x' }, 404, 'user_identity_not_found'],
      [{ full_name: 'x' }, 400, 'invalid_input'],
      [{ user_identity_id: a, email_address: 'not an email' }, 400, 'invalid_input'],
      [{ user_identity_id: a, phone_number: '555' }, 400, 'invalid_input'],
      [{ user_identity_id: a, full_name: '' }, 400, 'invalid_input'],
      [{ user_identity_id: a, user_identity_key: '' }, 400, 'invalid_input'],
    ] as const) {
      const res = await w.api('/user_identities/update', body)
      assert.equal(res.status, status, `${JSON.stringify(body)}: ${res.text}`)
      assert.equal(res.body.error.type, type)
    }
    const got = (await w.api('/user_identities/get', { user_identity_id: a })).body.user_identity
    assert.equal(got.user_identity_key, 'a')
    assert.equal(got.full_name, 'A')
    const session = await w.session({ user_identifier_key: 's', user_identity_id: a })
    assert.equal((await w.api('/user_identities/update', { user_identity_id: a, full_name: 'x' }, w.as.cst(session.token))).status, 401)
  })
})
