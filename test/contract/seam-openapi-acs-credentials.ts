import assert from 'node:assert/strict'

import { identityUserOn, saltoSpaceSite } from '../fixtures/acs-site.ts'
import type { Response, World } from '../fixtures/world.ts'

/** The contract test's `call`: a route by its first method, its 200 answer validated against Seam's schema. */
type Call = (path: string, body?: Record<string, unknown>, headers?: Record<string, string>) => Promise<Response['body']>

/**
 * Every route of acs credentials, card encoders and acs/entrances/unlock, called as the contract
 * test calls the others, with the action attempts they answer read back (so each outcome's shape
 * is validated too). Connects Seam's sandbox Salto Space site first.
 */
export const callAcsCredentialRoutes = async (w: World, call: Call): Promise<void> => {
  const space = await saltoSpaceSite(w)
  const maria = space.user('Maria Staff').acsUserId
  const [encoderId] = space.encoderIds as [string]
  const dana = await identityUserOn(w, space, [space.group('Staff')])
  const card = (await call('/acs/credentials/create', { acs_user_id: maria, access_method: 'card' })).acs_credential
  const acs_credential_id = card.acs_credential_id as string
  await call('/acs/credentials/get', { acs_credential_id })
  await call('/acs/credentials/list', { acs_user_id: maria })
  const session = (await call('/client_sessions/create', { user_identifier_key: 'dana-acs', user_identity_id: dana.userIdentityId }))
    .client_session
  const danaKey = (
    await call('/acs/credentials/create', {
      user_identity_id: dana.userIdentityId,
      acs_system_id: space.systemId,
      access_method: 'cloud_key',
    })
  ).acs_credential
  const seen = (await call('/acs/credentials/list', {}, w.as.cst(session.token))).acs_credentials as { acs_credential_id: string }[]
  assert.deepEqual(
    seen.map((c) => c.acs_credential_id),
    [danaKey.acs_credential_id],
  )
  await call('/acs/credentials/update', { acs_credential_id, ends_at: new Date(w.clock.now().getTime() + 86_400_000).toISOString() })
  await call('/acs/credentials/list_accessible_entrances', { acs_credential_id })
  await call('/acs/credentials/unassign', { acs_credential_id, acs_user_id: maria })
  await call('/acs/credentials/assign', { acs_credential_id, acs_user_id: maria })

  await call('/acs/encoders/list', { acs_system_id: space.systemId })
  await call('/acs/encoders/get', { acs_encoder_id: encoderId })
  const attempt = async (path: string, body: Record<string, unknown>, status: string) => {
    const started = (await call(path, body)).action_attempt
    const ended = (await call('/action_attempts/get', { action_attempt_id: started.action_attempt_id })).action_attempt
    assert.equal(ended.status, status, JSON.stringify(ended))
  }
  await call('/acs/encoders/simulate/next_credential_encode_will_fail', { acs_encoder_id: encoderId, error_code: 'encoding_interrupted' })
  await attempt('/acs/encoders/encode_credential', { acs_encoder_id: encoderId, acs_credential_id }, 'error')
  await call('/acs/encoders/simulate/next_credential_encode_will_succeed', { acs_encoder_id: encoderId })
  await attempt('/acs/encoders/encode_credential', { acs_encoder_id: encoderId, acs_credential_id }, 'success')
  await attempt('/acs/encoders/scan_credential', { acs_encoder_id: encoderId }, 'success')
  await call('/acs/encoders/simulate/next_credential_scan_will_succeed', {
    acs_encoder_id: encoderId,
    scenario: 'credential_does_not_exist_on_seam',
  })
  await attempt('/acs/encoders/scan_credential', { acs_encoder_id: encoderId }, 'success')
  await call('/acs/encoders/simulate/next_credential_scan_will_fail', { acs_encoder_id: encoderId })
  await attempt('/acs/encoders/scan_credential', { acs_encoder_id: encoderId }, 'error')
  await call('/acs/credentials/unassign', { acs_credential_id, acs_user_id: maria })
  await attempt('/acs/encoders/scan_to_assign_credential', { acs_encoder_id: encoderId, user_identity_id: dana.userIdentityId }, 'success')

  const main = space.entrance('Main Entrance').acsEntranceId
  await attempt('/acs/entrances/unlock', { acs_entrance_id: main, acs_credential_id: danaKey.acs_credential_id }, 'success')
  await call('/acs/credentials/delete', { acs_credential_id: danaKey.acs_credential_id })
  const events = (await call('/events/list')).events as {
    event_type: string
  }[]
  for (const type of ['acs_credential.issued', 'acs_credential.deleted'])
    assert.ok(
      events.some((e) => e.event_type === type),
      `no ${type} event`,
    )
}
