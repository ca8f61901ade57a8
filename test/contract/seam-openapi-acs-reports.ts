import assert from 'node:assert/strict'

import type { Response } from '../fixtures/world.ts'

/** The contract test's `call`: a route by its first method, its 200 answer validated against Seam's schema. */
type Call = (path: string, body?: Record<string, unknown>, headers?: Record<string, string>) => Promise<Response['body']>

/**
 * acs/systems/report_devices, called as the contract test calls the others, on a system the access
 * control calls connected: a room, a common area and an encoder reported, the room read back (its
 * hotek_metadata validated against Seam's acs_entrance), then the common area and encoder removed,
 * so each of the four events is recorded for the test's last pass over events/get.
 */
export const callAcsReportRoutes = async (call: Call): Promise<void> => {
  const systems = (await call('/acs/systems/list')).acs_systems as { acs_system_id: string }[]
  const acs_system_id = systems[0]?.acs_system_id as string
  const reported = await call('/acs/systems/report_devices', {
    acs_system_id,
    acs_entrances: [{ hotek_metadata: { room_number: '901' } }, { hotek_metadata: { common_area_number: '1', common_area_name: 'Lobby' } }],
    acs_encoders: [{ hotek_metadata: { encoder_number: '1' } }],
  })
  assert.deepEqual(reported, { ok: true })
  const entrances = (await call('/acs/entrances/list', { acs_system_id })).acs_entrances as {
    acs_entrance_id: string
    display_name: string
  }[]
  const room = entrances.find((e) => e.display_name === 'Room 901')
  assert.ok(room, 'the reported room is not listed')
  assert.deepEqual((await call('/acs/entrances/get', { acs_entrance_id: room.acs_entrance_id })).acs_entrance.hotek_metadata, {
    room_number: '901',
  })
  await call('/acs/systems/report_devices', {
    acs_system_id,
    acs_entrances: [{ hotek_metadata: { common_area_number: '1' }, is_removed: true }],
    acs_encoders: [{ hotek_metadata: { encoder_number: '1' }, is_removed: true }],
  })
  const events = (await call('/events/list')).events as { event_type: string }[]
  for (const type of ['acs_entrance.added', 'acs_entrance.removed', 'acs_encoder.added', 'acs_encoder.removed'])
    assert.ok(
      events.some((e) => e.event_type === type),
      `no ${type} event`,
    )
}
