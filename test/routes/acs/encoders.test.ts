import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { provisionWorkspace } from '../../../src/domain/provisioning.ts'
import { attemptOutcome, saltoKsSite, saltoSpaceSite, type Site } from '../../fixtures/acs-site.ts'
import { bearer, createWorld, type World } from '../../fixtures/world.ts'

/** Posts an encoder action; answers its attempt as it ended (the first answer is pending). */
const act = async (w: World, path: string, body: Record<string, unknown>, actionType: string) => {
  const res = await w.api(path, body)
  assert.equal(res.status, 200, res.text)
  assert.equal(res.body.action_attempt.action_type, actionType)
  assert.equal(res.body.action_attempt.status, 'pending')
  return attemptOutcome(w, res.body.action_attempt.action_attempt_id)
}

const encode = (w: World, encoderId: string, credentialId: string) =>
  act(w, '/acs/encoders/encode_credential', { acs_encoder_id: encoderId, acs_credential_id: credentialId }, 'ENCODE_CREDENTIAL')
const scan = (w: World, encoderId: string) => act(w, '/acs/encoders/scan_credential', { acs_encoder_id: encoderId }, 'SCAN_CREDENTIAL')

const simulate = async (w: World, what: string, body: Record<string, unknown>) => {
  const res = await w.api(`/acs/encoders/simulate/${what}`, body)
  assert.equal(res.status, 200, res.text)
}

const cardFor = async (w: World, site: Site, user = 'Maria Staff') =>
  (await w.api('/acs/credentials/create', { acs_user_id: site.user(user).acsUserId, access_method: 'card' })).body.acs_credential as {
    acs_credential_id: string
  }

const credential = async (w: World, id: string) => (await w.api('/acs/credentials/get', { acs_credential_id: id })).body.acs_credential

describe('acs/encoders', () => {
  test('get and list: by system, systems or ids (one required); 404 elsewhere', async () => {
    const w = await createWorld()
    const space = await saltoSpaceSite(w)
    const ks = await saltoKsSite(w)
    assert.equal(space.encoderIds.length, 1)
    const [encoderId] = space.encoderIds as [string]
    const got = await w.api('/acs/encoders/get', { acs_encoder_id: encoderId })
    assert.equal(got.status, 200, got.text)
    assert.equal(got.body.acs_encoder.display_name, 'Front Desk Encoder')
    assert.equal(got.body.acs_encoder.acs_system_id, space.systemId)
    const ids = async (body: Record<string, unknown>) =>
      ((await w.api('/acs/encoders/list', body)).body.acs_encoders as { acs_encoder_id: string }[]).map((e) => e.acs_encoder_id)
    assert.deepEqual(await ids({ acs_system_id: space.systemId }), [encoderId])
    assert.deepEqual(await ids({ acs_system_ids: [space.systemId, ks.systemId] }), [encoderId])
    assert.deepEqual(await ids({ acs_system_id: ks.systemId }), [])
    assert.deepEqual(await ids({ acs_encoder_ids: [encoderId] }), [encoderId])
    const none = await w.api('/acs/encoders/list', {})
    assert.equal(none.status, 400)
    assert.equal(none.body.error.type, 'invalid_input')
    const otherKey = bearer(w.other.api_key)
    assert.equal((await w.api('/acs/encoders/get', { acs_encoder_id: encoderId }, otherKey)).body.error.type, 'acs_encoder_not_found')
    assert.deepEqual((await w.api('/acs/encoders/list', { acs_encoder_ids: [encoderId] }, otherKey)).body.acs_encoders, [])
    const session = await w.session({ user_identifier_key: 'desk' })
    assert.equal((await w.api('/acs/encoders/list', { acs_system_id: space.systemId }, w.as.cst(session.token))).status, 401)
  })

  test('encoding issues a card (card number, issued_at, acs_credential.issued); again, acs_credential.reissued', async () => {
    const w = await createWorld()
    const space = await saltoSpaceSite(w)
    const [encoderId] = space.encoderIds as [string]
    const card = await cardFor(w, space)
    w.clock.advance(60_000)
    const done = await encode(w, encoderId, card.acs_credential_id)
    assert.equal(done.status, 'success')
    assert.equal(done.result.acs_credential_id, card.acs_credential_id)
    assert.equal(done.result.is_issued, true)
    assert.match(done.result.card_number, /^\d{10}$/)
    const stored = await credential(w, card.acs_credential_id)
    assert.equal(stored.is_issued, true)
    assert.equal(stored.issued_at, w.clock.now().toISOString())
    assert.equal(stored.card_number, done.result.card_number)
    const again = await encode(w, encoderId, card.acs_credential_id)
    assert.equal(again.status, 'success')
    assert.equal(again.result.card_number, stored.card_number, 'the same card number')
    const issued = (await w.api('/events/list', { event_type: 'acs_credential.issued' })).body.events
    assert.equal(issued.filter((e: { acs_credential_id: string }) => e.acs_credential_id === card.acs_credential_id).length, 1)
    assert.equal(issued[0].acs_encoder_id, encoderId)
    const reissued = (await w.api('/events/list', { event_type: 'acs_credential.reissued' })).body.events
    assert.equal(reissued.length, 1)
  })

  test('an armed failure fails the next encode only, with Seam’s error code; an armed success replaces it', async () => {
    const w = await createWorld()
    const space = await saltoSpaceSite(w)
    const [encoderId] = space.encoderIds as [string]
    const card = await cardFor(w, space)
    await simulate(w, 'next_credential_encode_will_fail', { acs_encoder_id: encoderId })
    const failed = await encode(w, encoderId, card.acs_credential_id)
    assert.equal(failed.status, 'error')
    assert.equal(failed.error?.type, 'no_credential_on_encoder')
    assert.equal(failed.result, null)
    assert.equal((await credential(w, card.acs_credential_id)).is_issued, false)
    for (const code of ['encoding_interrupted', 'uncategorized_error', 'action_attempt_expired']) {
      await simulate(w, 'next_credential_encode_will_fail', { acs_encoder_id: encoderId, error_code: code })
      assert.equal((await encode(w, encoderId, card.acs_credential_id)).error?.type, code)
    }
    await simulate(w, 'next_credential_encode_will_fail', { acs_encoder_id: encoderId })
    await simulate(w, 'next_credential_encode_will_succeed', { acs_encoder_id: encoderId, scenario: 'credential_is_issued' })
    assert.equal((await encode(w, encoderId, card.acs_credential_id)).status, 'success')
    assert.equal((await credential(w, card.acs_credential_id)).is_issued, true)
    // A failure is used up by the one encode it fails.
    await simulate(w, 'next_credential_encode_will_fail', { acs_encoder_id: encoderId })
    assert.equal((await encode(w, encoderId, card.acs_credential_id)).status, 'error')
    assert.equal((await encode(w, encoderId, card.acs_credential_id)).status, 'success')
  })

  test('encode and simulate refusals change nothing', async () => {
    const w = await createWorld()
    const space = await saltoSpaceSite(w)
    const ks = await saltoKsSite(w)
    const [encoderId] = space.encoderIds as [string]
    const card = await cardFor(w, space)
    const cloud = (await w.api('/acs/credentials/create', { acs_user_id: space.user('Maria Staff').acsUserId, access_method: 'cloud_key' }))
      .body.acs_credential
    const ksCard = (await w.api('/acs/credentials/create', { acs_user_id: ks.user('Alice Andrews').acsUserId, access_method: 'card' })).body
      .acs_credential
    const cases: [string, Record<string, unknown>, number, string][] = [
      ['encode_credential', { acs_encoder_id: encoderId, acs_credential_id: cloud.acs_credential_id }, 400, 'invalid_access_method'],
      ['encode_credential', { acs_encoder_id: encoderId, acs_credential_id: ksCard.acs_credential_id }, 400, 'invalid_input'],
      ['encode_credential', { acs_encoder_id: encoderId }, 400, 'invalid_input'],
      ['encode_credential', { acs_encoder_id: encoderId, access_method_id: crypto.randomUUID() }, 400, 'invalid_input'],
      [
        'encode_credential',
        { acs_encoder_id: crypto.randomUUID(), acs_credential_id: card.acs_credential_id },
        404,
        'acs_encoder_not_found',
      ],
      ['encode_credential', { acs_encoder_id: encoderId, acs_credential_id: crypto.randomUUID() }, 404, 'acs_credential_not_found'],
      ['scan_credential', { acs_encoder_id: crypto.randomUUID() }, 404, 'acs_encoder_not_found'],
      ['scan_credential', { acs_encoder_id: encoderId, salto_ks_metadata: { detect_new_tags: true } }, 400, 'invalid_input'],
      ['scan_to_assign_credential', { acs_encoder_id: encoderId }, 400, 'invalid_input'],
      ['scan_to_assign_credential', { acs_encoder_id: encoderId, acs_user_id: ks.user('Alice Andrews').acsUserId }, 400, 'invalid_input'],
      ['scan_to_assign_credential', { acs_encoder_id: encoderId, acs_user_id: crypto.randomUUID() }, 404, 'acs_user_not_found'],
      ['simulate/next_credential_encode_will_fail', { acs_encoder_id: encoderId, error_code: 'melted' }, 400, 'invalid_input'],
      [
        'simulate/next_credential_encode_will_fail',
        { acs_encoder_id: encoderId, acs_credential_id: card.acs_credential_id },
        400,
        'invalid_input',
      ],
      ['simulate/next_credential_encode_will_succeed', { acs_encoder_id: crypto.randomUUID() }, 404, 'acs_encoder_not_found'],
      ['simulate/next_credential_scan_will_fail', { acs_encoder_id: crypto.randomUUID() }, 404, 'acs_encoder_not_found'],
      [
        'simulate/next_credential_scan_will_fail',
        { acs_encoder_id: encoderId, acs_credential_id_on_seam: card.acs_credential_id },
        400,
        'invalid_input',
      ],
      [
        'simulate/next_credential_scan_will_succeed',
        { acs_encoder_id: encoderId, acs_credential_id_on_seam: crypto.randomUUID() },
        404,
        'acs_credential_not_found',
      ],
      [
        'simulate/next_credential_scan_will_succeed',
        { acs_encoder_id: encoderId, acs_credential_id_on_seam: cloud.acs_credential_id },
        400,
        'invalid_access_method',
      ],
      [
        'simulate/next_credential_scan_will_succeed',
        { acs_encoder_id: encoderId, acs_credential_id_on_seam: ksCard.acs_credential_id },
        400,
        'invalid_input',
      ],
      [
        'simulate/next_credential_scan_will_succeed',
        { acs_encoder_id: encoderId, scenario: 'credential_on_encoder_is_empty', acs_credential_id_on_seam: card.acs_credential_id },
        400,
        'invalid_input',
      ],
    ]
    for (const [path, body, status, type] of cases) {
      const res = await w.api(`/acs/encoders/${path}`, body)
      assert.equal(res.status, status, `${path} ${JSON.stringify(body)}: ${res.text}`)
      assert.equal(res.body.error.type, type, `${path} ${JSON.stringify(body)}`)
    }
    assert.equal((await credential(w, card.acs_credential_id)).is_issued, false)
    // Nothing was armed by the refusals: the next encode succeeds.
    assert.equal((await encode(w, encoderId, card.acs_credential_id)).status, 'success')

    const production = await provisionWorkspace(w.store, w.clock, { name: 'Production', isSandbox: false })
    for (const what of [
      'next_credential_encode_will_succeed',
      'next_credential_encode_will_fail',
      'next_credential_scan_will_succeed',
      'next_credential_scan_will_fail',
    ]) {
      const res = await w.api(`/acs/encoders/simulate/${what}`, { acs_encoder_id: encoderId }, bearer(production.api_key))
      assert.equal(res.status, 400, res.text)
      assert.equal(res.body.error.type, 'workspace_not_sandbox')
    }
  })

  test('scanning reads the card last encoded, or what was armed: out of sync, no credential on Seam, empty, a failure', async () => {
    const w = await createWorld()
    const space = await saltoSpaceSite(w)
    const [encoderId] = space.encoderIds as [string]
    const empty = await scan(w, encoderId)
    assert.equal(empty.status, 'error')
    assert.equal(empty.error?.type, 'no_credential_on_encoder')
    const card = await cardFor(w, space)
    await encode(w, encoderId, card.acs_credential_id)
    const read = await scan(w, encoderId)
    assert.equal(read.status, 'success')
    assert.equal(read.result.acs_credential_on_seam.acs_credential_id, card.acs_credential_id)
    assert.equal(read.result.acs_credential_on_encoder.card_number, read.result.acs_credential_on_seam.card_number)
    assert.deepEqual(read.result.warnings, [])

    await simulate(w, 'next_credential_scan_will_succeed', { acs_encoder_id: encoderId, scenario: 'credential_on_encoder_needs_update' })
    const stale = await scan(w, encoderId)
    assert.deepEqual(
      stale.result.warnings.map((x: { warning_code: string }) => x.warning_code),
      ['acs_credential_on_encoder_out_of_sync'],
    )
    await simulate(w, 'next_credential_scan_will_succeed', { acs_encoder_id: encoderId, scenario: 'credential_does_not_exist_on_seam' })
    const stranger = await scan(w, encoderId)
    assert.equal(stranger.result.acs_credential_on_seam, null)
    assert.match(stranger.result.acs_credential_on_encoder.card_number, /^\d{10}$/)
    assert.deepEqual(
      stranger.result.warnings.map((x: { warning_code: string }) => x.warning_code),
      ['acs_credential_on_seam_not_found'],
    )
    await simulate(w, 'next_credential_scan_will_succeed', { acs_encoder_id: encoderId, scenario: 'credential_on_encoder_is_empty' })
    const blank = await scan(w, encoderId)
    assert.equal(blank.status, 'success')
    assert.equal(blank.result.acs_credential_on_encoder, null)
    assert.equal(blank.result.acs_credential_on_seam, null)
    const other = await cardFor(w, space, 'John Guest')
    await simulate(w, 'next_credential_scan_will_succeed', {
      acs_encoder_id: encoderId,
      acs_credential_id_on_seam: other.acs_credential_id,
    })
    assert.equal((await scan(w, encoderId)).result.acs_credential_on_seam.acs_credential_id, other.acs_credential_id)
    for (const code of ['no_credential_on_encoder', 'uncategorized_error', 'action_attempt_expired']) {
      await simulate(w, 'next_credential_scan_will_fail', { acs_encoder_id: encoderId, error_code: code })
      const failedScan = await scan(w, encoderId)
      assert.equal(failedScan.status, 'error')
      assert.equal(failedScan.error?.type, code)
    }
    // Back to the card last encoded.
    assert.equal((await scan(w, encoderId)).result.acs_credential_on_seam.acs_credential_id, card.acs_credential_id)
  })

  test('scan_to_assign_credential gives the card’s credential to the user; a card of another user or an empty card fails', async () => {
    const w = await createWorld()
    const space = await saltoSpaceSite(w)
    const [encoderId] = space.encoderIds as [string]
    const maria = space.user('Maria Staff').acsUserId
    const john = space.user('John Guest').acsUserId
    const card = await cardFor(w, space)
    await encode(w, encoderId, card.acs_credential_id)
    const scanAssign = (body: Record<string, unknown>) =>
      act(w, '/acs/encoders/scan_to_assign_credential', { acs_encoder_id: encoderId, ...body }, 'SCAN_TO_ASSIGN_CREDENTIAL')
    const taken = await scanAssign({ acs_user_id: john })
    assert.equal(taken.status, 'error')
    assert.match(taken.error?.message ?? '', /another acs user/)
    await w.api('/acs/credentials/unassign', { acs_credential_id: card.acs_credential_id, acs_user_id: maria })
    const assigned = await scanAssign({ acs_user_id: john })
    assert.equal(assigned.status, 'success', JSON.stringify(assigned))
    assert.equal(assigned.result.acs_user_id, john)
    assert.equal((await credential(w, card.acs_credential_id)).acs_user_id, john)
    await simulate(w, 'next_credential_scan_will_succeed', { acs_encoder_id: encoderId, scenario: 'credential_on_encoder_is_empty' })
    const blank = await scanAssign({ acs_user_id: john })
    assert.equal(blank.error?.type, 'no_credential_on_encoder')
    await simulate(w, 'next_credential_scan_will_fail', { acs_encoder_id: encoderId, error_code: 'action_attempt_expired' })
    assert.equal((await scanAssign({ acs_user_id: john })).error?.type, 'action_attempt_expired')
  })
})
