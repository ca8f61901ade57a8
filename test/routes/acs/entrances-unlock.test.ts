import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { attemptOutcome, saltoSpaceSite } from '../../fixtures/acs-site.ts'
import { bearer, createWorld, type World } from '../../fixtures/world.ts'

const HOUR = 3_600_000

/** Unlocks; answers the attempt as first answered and as it ended. */
const unlock = async (w: World, acsEntranceId: string, acsCredentialId: string) => {
  const res = await w.api('/acs/entrances/unlock', { acs_entrance_id: acsEntranceId, acs_credential_id: acsCredentialId })
  assert.equal(res.status, 200, res.text)
  assert.equal(res.body.action_attempt.action_type, 'UNLOCK_DOOR')
  assert.equal(res.body.action_attempt.status, 'pending')
  return attemptOutcome(w, res.body.action_attempt.action_attempt_id)
}

describe('acs/entrances/unlock', () => {
  test('a cloud key opens the entrances its user reaches, not others; a suspended user’s opens none until unsuspended', async () => {
    const w = await createWorld()
    const space = await saltoSpaceSite(w)
    const maria = space.user('Maria Staff').acsUserId
    const john = space.user('John Guest').acsUserId
    const main = space.entrance('Main Entrance').acsEntranceId
    const gym = space.entrance('Gym').acsEntranceId
    const mariaKey = (await w.api('/acs/credentials/create', { acs_user_id: maria, access_method: 'cloud_key' })).body.acs_credential
    const johnKey = (await w.api('/acs/credentials/create', { acs_user_id: john, access_method: 'cloud_key' })).body.acs_credential
    const opened = await unlock(w, main, mariaKey.acs_credential_id)
    assert.equal(opened.status, 'success')
    assert.deepEqual(opened.result, { was_confirmed_by_device: true })
    assert.equal((await unlock(w, gym, mariaKey.acs_credential_id)).status, 'success')
    const refused = await unlock(w, gym, johnKey.acs_credential_id)
    assert.equal(refused.status, 'error')
    assert.equal(refused.error?.type, 'uncategorized_error')
    assert.match(refused.error?.message ?? '', /does not grant access/)
    await w.store.updateAcsUser(w.ws.workspace_id, maria, { isSuspended: true }, [])
    assert.equal((await unlock(w, main, mariaKey.acs_credential_id)).status, 'error')
    await w.store.updateAcsUser(w.ws.workspace_id, maria, { isSuspended: false }, [])
    assert.equal((await unlock(w, main, mariaKey.acs_credential_id)).status, 'success')
  })

  test('a cloud key opens only within its validity window', async () => {
    const w = await createWorld()
    const space = await saltoSpaceSite(w)
    const main = space.entrance('Main Entrance').acsEntranceId
    const now = w.clock.now().getTime()
    const key = (
      await w.api('/acs/credentials/create', {
        acs_user_id: space.user('Maria Staff').acsUserId,
        access_method: 'cloud_key',
        starts_at: new Date(now + HOUR).toISOString(),
        ends_at: new Date(now + 3 * HOUR).toISOString(),
      })
    ).body.acs_credential
    const early = await unlock(w, main, key.acs_credential_id)
    assert.equal(early.status, 'error')
    assert.match(early.error?.message ?? '', /not valid/)
    w.clock.advance(2 * HOUR)
    assert.equal((await unlock(w, main, key.acs_credential_id)).status, 'success')
    w.clock.advance(2 * HOUR)
    assert.equal((await unlock(w, main, key.acs_credential_id)).status, 'error')
  })

  test('refusals: not a cloud key, an entrance without cloud keys, not found, deleted, another workspace, client sessions', async () => {
    const w = await createWorld()
    const space = await saltoSpaceSite(w)
    const maria = space.user('Maria Staff').acsUserId
    const main = space.entrance('Main Entrance').acsEntranceId
    const room = space.entrance('Room 101').acsEntranceId
    const key = (await w.api('/acs/credentials/create', { acs_user_id: maria, access_method: 'cloud_key' })).body.acs_credential
    const card = (await w.api('/acs/credentials/create', { acs_user_id: maria, access_method: 'card' })).body.acs_credential
    const doomed = (await w.api('/acs/credentials/create', { acs_user_id: maria, access_method: 'cloud_key' })).body.acs_credential
    await w.api('/acs/credentials/delete', { acs_credential_id: doomed.acs_credential_id })
    const cases: [Record<string, unknown>, number, string, Record<string, string>?][] = [
      [{ acs_entrance_id: main, acs_credential_id: card.acs_credential_id }, 400, 'invalid_input'],
      [{ acs_entrance_id: room, acs_credential_id: key.acs_credential_id }, 400, 'invalid_input'],
      [{ acs_entrance_id: crypto.randomUUID(), acs_credential_id: key.acs_credential_id }, 404, 'acs_entrance_not_found'],
      [{ acs_entrance_id: main, acs_credential_id: crypto.randomUUID() }, 404, 'acs_credential_not_found'],
      [{ acs_entrance_id: main, acs_credential_id: doomed.acs_credential_id }, 404, 'acs_credential_not_found'],
      [{ acs_entrance_id: main }, 400, 'invalid_input'],
      [{ acs_entrance_id: main, acs_credential_id: key.acs_credential_id }, 404, 'acs_entrance_not_found', bearer(w.other.api_key)],
    ]
    for (const [body, status, type, headers] of cases) {
      const res = await w.api('/acs/entrances/unlock', body, headers)
      assert.equal(res.status, status, `${JSON.stringify(body)}: ${res.text}`)
      assert.equal(res.body.error.type, type, JSON.stringify(body))
    }
    const session = await w.session({ user_identifier_key: 'guest' })
    const asSession = await w.api(
      '/acs/entrances/unlock',
      { acs_entrance_id: main, acs_credential_id: key.acs_credential_id },
      w.as.cst(session.token),
    )
    assert.equal(asSession.status, 401)
  })
})
