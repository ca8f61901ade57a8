import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import type * as v2 from 'seamapi-http-v2/connect'

import { postSignIn } from '../fixtures/acs.ts'
import { createWorld, type World } from '../fixtures/world.ts'

type Sdk = typeof v2
// The v2 line, installed under an npm alias (see seam-http.test.ts); only v2 has acs/entrances/unlock.
const { SeamHttp, SeamHttpApiError, SeamActionAttemptFailedError }: Sdk = await import('seamapi-http-v2/connect')

/** Rejects with the action attempt's failure of this type, as the SDK reports it. */
const failsWith = (code: string) => (error: unknown) => {
  assert.ok(error instanceof SeamActionAttemptFailedError, String(error))
  assert.equal(error.code, code)
  return true
}

/**
 * A hotel front desk through Seam's SDK v2: a guest's user identity and acs user in an access
 * group on the Salto Space system, a key card encoded at the desk (and one encode that fails), a
 * cloud key that unlocks the lobby, then the guest suspended, unsuspended and checked out.
 */
describe('the front desk story through @seamapi/http v2', () => {
  let w: World
  let seam: InstanceType<Sdk['SeamHttp']>
  let endpoint: string

  before(async () => {
    w = await createWorld({ manualDispose: true })
    endpoint = await w.app.listen({ host: '127.0.0.1', port: 0 })
    seam = new SeamHttp({ apiKey: w.ws.api_key, endpoint })
  })
  after(() => w.dispose())

  test('check-in, card encoding, remote unlock, suspension and check-out', async () => {
    const webview = await seam.connectWebviews.create({ accepted_providers: ['salto_space'] })
    const signIn = await postSignIn(w, webview.url, {
      provider: 'salto_space',
      bridge_pairing_token: '123456',
      username: 'jane',
      password: '1234',
    })
    assert.equal(signIn.status, 200, signIn.text)
    const [system] = await seam.acs.systems.list()
    assert.ok(system)
    const acs_system_id = system.acs_system_id

    // Check-in: the guest's identity and acs user, a member of Staff (Main Entrance and Gym take cloud keys).
    const identity = await seam.userIdentities.create({ user_identity_key: 'guest-ada', full_name: 'Ada Guest' })
    const staff = (await seam.acs.accessGroups.list({ acs_system_id })).find((g) => g.name === 'Staff')
    assert.ok(staff)
    const user = await seam.acs.users.create({
      acs_system_id,
      full_name: 'Ada Guest',
      user_identity_id: identity.user_identity_id,
      acs_access_group_ids: [staff.acs_access_group_id],
    })
    const entrances = await seam.acs.entrances.list({ acs_system_id })
    const main = entrances.find((e) => e.display_name === 'Main Entrance')
    assert.ok(main)

    // A key card, issued by the encoder at the desk.
    const [encoder] = await seam.acs.encoders.list({ acs_system_id })
    assert.ok(encoder)
    const card = await seam.acs.credentials.create({ acs_user_id: user.acs_user_id, access_method: 'card' })
    assert.equal(card.is_issued, false)
    await seam.acs.encoders.simulate.nextCredentialEncodeWillSucceed({ acs_encoder_id: encoder.acs_encoder_id })
    const encoded = await seam.acs.encoders.encodeCredential({
      acs_encoder_id: encoder.acs_encoder_id,
      acs_credential_id: card.acs_credential_id,
    })
    assert.equal(encoded.status, 'success')
    assert.equal(encoded.action_type, 'ENCODE_CREDENTIAL')
    const issued = await seam.acs.credentials.get({ acs_credential_id: card.acs_credential_id })
    assert.equal(issued.is_issued, true)
    assert.match(issued.card_number ?? '', /^\d{10}$/)
    const scanned = await seam.acs.encoders.scanCredential({ acs_encoder_id: encoder.acs_encoder_id })
    assert.equal(scanned.status, 'success')

    // A second card: the card is pulled off the encoder.
    const spare = await seam.acs.credentials.create({ acs_user_id: user.acs_user_id, access_method: 'card' })
    await seam.acs.encoders.simulate.nextCredentialEncodeWillFail({
      acs_encoder_id: encoder.acs_encoder_id,
      error_code: 'no_credential_on_encoder',
    })
    await assert.rejects(
      seam.acs.encoders.encodeCredential({ acs_encoder_id: encoder.acs_encoder_id, acs_credential_id: spare.acs_credential_id }),
      failsWith('no_credential_on_encoder'),
    )
    assert.equal((await seam.acs.credentials.get({ acs_credential_id: spare.acs_credential_id })).is_issued, false)

    // A cloud key unlocks the lobby.
    const cloud = await seam.acs.credentials.create({ acs_user_id: user.acs_user_id, access_method: 'cloud_key' })
    const unlocked = await seam.acs.entrances.unlock({ acs_entrance_id: main.acs_entrance_id, acs_credential_id: cloud.acs_credential_id })
    assert.equal(unlocked.status, 'success')
    const reach = async (acs_credential_id: string) =>
      (await seam.acs.credentials.listAccessibleEntrances({ acs_credential_id })).map((e) => e.display_name).sort()
    assert.deepEqual(await reach(issued.acs_credential_id), ['Gym', 'Main Entrance', 'Room 101', 'Room 102'])

    // The guest's own client session sees the guest's credentials only.
    const session = await seam.clientSessions.create({ user_identity_id: identity.user_identity_id })
    const asGuest = SeamHttp.fromClientSessionToken(session.token, { endpoint })
    const own = (await asGuest.acs.credentials.list()).map((c) => c.acs_credential_id).sort()
    assert.deepEqual(own, [card.acs_credential_id, spare.acs_credential_id, cloud.acs_credential_id].sort())
    await assert.rejects(asGuest.acs.credentials.get({ acs_credential_id: card.acs_credential_id }), (error: unknown) => {
      assert.ok(error instanceof SeamHttpApiError)
      return true
    })

    // Suspended: the credentials stop granting; unsuspended, they grant again.
    await seam.acs.users.suspend({ acs_user_id: user.acs_user_id })
    assert.deepEqual(await reach(card.acs_credential_id), [])
    await assert.rejects(
      seam.acs.entrances.unlock({ acs_entrance_id: main.acs_entrance_id, acs_credential_id: cloud.acs_credential_id }),
      failsWith('uncategorized_error'),
    )
    await seam.acs.users.unsuspend({ acs_user_id: user.acs_user_id })
    assert.deepEqual(await reach(card.acs_credential_id), ['Gym', 'Main Entrance', 'Room 101', 'Room 102'])
    assert.equal(
      (await seam.acs.entrances.unlock({ acs_entrance_id: main.acs_entrance_id, acs_credential_id: cloud.acs_credential_id })).status,
      'success',
    )

    // Check-out: access revoked everywhere; the credentials reach nothing, the cloud key unlocks nothing.
    await seam.acs.users.revokeAccessToAllEntrances({ acs_user_id: user.acs_user_id })
    assert.deepEqual(await reach(card.acs_credential_id), [])
    assert.deepEqual(await reach(cloud.acs_credential_id), [])
    await assert.rejects(
      seam.acs.entrances.unlock({ acs_entrance_id: main.acs_entrance_id, acs_credential_id: cloud.acs_credential_id }),
      failsWith('uncategorized_error'),
    )
    await seam.acs.credentials.delete({ acs_credential_id: card.acs_credential_id })
    const events = await seam.events.list({ event_types: ['acs_credential.issued', 'acs_credential.deleted'] })
    assert.ok(events.some((e) => e.event_type === 'acs_credential.deleted' && e.acs_credential_id === card.acs_credential_id))
    assert.ok(events.some((e) => e.event_type === 'acs_credential.issued' && e.acs_credential_id === card.acs_credential_id))
  })
})
