import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import type * as v1 from '@seamapi/http/connect'

import { connectSaltoKs, connectSaltoSpace, postSignIn } from '../../fixtures/acs.ts'
import { createWorld, type World } from '../../fixtures/world.ts'

// The v2 line of Seam's SDK, installed under an npm alias (see test/sdk/seam-http.test.ts).
const v2 = (await import('seamapi-http-v2/connect')) as unknown as typeof v1

interface Entrance {
  acs_entrance_id: string
  acs_system_id: string
  display_name: string
  can_unlock_with_card?: boolean
  hotek_metadata?: Record<string, string>
}
interface Event {
  event_type: string
  acs_system_id?: string
  acs_entrance_id?: string
  acs_encoder_id?: string
}

/** The system of a new Salto KS account (a site with no encoder of its own). */
const ksSystem = async (w: World): Promise<string> => {
  const accountId = await connectSaltoKs(w)
  const res = await w.api('/acs/systems/list', { connected_account_id: accountId })
  assert.equal(res.status, 200, res.text)
  return res.body.acs_systems[0].acs_system_id as string
}

const report = (w: World, body: Record<string, unknown>, headers = w.as.apiKey) => w.api('/acs/systems/report_devices', body, headers)

const entrancesOf = async (w: World, acsSystemId: string): Promise<Entrance[]> => {
  const res = await w.api('/acs/entrances/list', { acs_system_id: acsSystemId })
  assert.equal(res.status, 200, res.text)
  return res.body.acs_entrances as Entrance[]
}

/** The system's encoders' names, as the store holds them. */
const encodersOf = async (w: World, acsSystemId: string, workspaceId = w.ws.workspace_id): Promise<string[]> =>
  (await w.store.listAcsEncodersOfSystem(workspaceId, acsSystemId)).map((e) => e.displayName)

const eventsOf = async (w: World, type: string): Promise<Event[]> => {
  const res = await w.api('/events/list', { event_type: type })
  assert.equal(res.status, 200, res.text)
  return res.body.events as Event[]
}

const byName = (list: Entrance[], name: string) => list.find((e) => e.display_name === name)

describe('acs/systems/report_devices: a backend reports its rooms, common areas and encoders', () => {
  test('reported rooms and common areas become entrances of the system, encoders its encoders, each with its added event', async () => {
    const w = await createWorld()
    const acsSystemId = await ksSystem(w)
    const before = await entrancesOf(w, acsSystemId)
    const res = await report(w, {
      acs_system_id: acsSystemId,
      acs_entrances: [
        { hotek_metadata: { room_number: '101' } },
        { hotek_metadata: { room_number: '102' } },
        { hotek_metadata: { common_area_number: '7', common_area_name: 'Pool' } },
        { hotek_metadata: { common_area_number: '8' } },
      ],
      acs_encoders: [{ hotek_metadata: { encoder_number: '1' } }],
    })
    assert.equal(res.status, 200, res.text)
    assert.deepEqual(res.body, { ok: true })

    const after = await entrancesOf(w, acsSystemId)
    assert.equal(after.length, before.length + 4)
    const room = byName(after, 'Room 101')
    assert.ok(room)
    assert.deepEqual(room.hotek_metadata, { room_number: '101' })
    assert.equal(room.acs_system_id, acsSystemId)
    assert.equal(room.can_unlock_with_card, true)
    assert.deepEqual(byName(after, 'Pool')?.hotek_metadata, { common_area_number: '7', common_area_name: 'Pool' })
    assert.deepEqual(byName(after, 'Common Area 8')?.hotek_metadata, { common_area_number: '8' })
    const got = await w.api('/acs/entrances/get', { acs_entrance_id: room.acs_entrance_id })
    assert.equal(got.status, 200, got.text)
    assert.deepEqual(got.body.acs_entrance, room)
    assert.deepEqual(await encodersOf(w, acsSystemId), ['Encoder 1'])

    const added = await eventsOf(w, 'acs_entrance.added')
    assert.deepEqual(
      added.map((e) => e.acs_entrance_id).sort(),
      after
        .filter((e) => e.hotek_metadata !== undefined)
        .map((e) => e.acs_entrance_id)
        .sort(),
    )
    assert.ok(added.every((e) => e.acs_system_id === acsSystemId))
    const encoderAdded = await eventsOf(w, 'acs_encoder.added')
    assert.equal(encoderAdded.length, 1)
    assert.equal(encoderAdded[0]?.acs_system_id, acsSystemId)
    const [encoderRecord] = await w.store.listAcsEncodersOfSystem(w.ws.workspace_id, acsSystemId)
    assert.equal(encoderAdded[0]?.acs_encoder_id, encoderRecord?.acsEncoderId)
  })

  test('reporting the same room, common area or encoder again updates it (same id, no new event); is_removed removes it with its event', async () => {
    const w = await createWorld()
    const acsSystemId = await ksSystem(w)
    const first = await report(w, {
      acs_system_id: acsSystemId,
      acs_entrances: [{ hotek_metadata: { room_number: '201' } }, { hotek_metadata: { common_area_number: '3', common_area_name: 'Gym' } }],
      acs_encoders: [{ hotek_metadata: { encoder_number: '2' } }],
    })
    assert.equal(first.status, 200, first.text)
    const gym = byName(await entrancesOf(w, acsSystemId), 'Gym')
    assert.ok(gym)

    const again = await report(w, {
      acs_system_id: acsSystemId,
      acs_entrances: [{ hotek_metadata: { common_area_number: '3', common_area_name: 'Fitness Center' } }],
      acs_encoders: [{ hotek_metadata: { encoder_number: '2' } }],
    })
    assert.equal(again.status, 200, again.text)
    const renamed = await entrancesOf(w, acsSystemId)
    assert.equal(byName(renamed, 'Gym'), undefined)
    assert.equal(byName(renamed, 'Fitness Center')?.acs_entrance_id, gym.acs_entrance_id)
    assert.equal((await eventsOf(w, 'acs_entrance.added')).length, 2)
    assert.equal((await eventsOf(w, 'acs_encoder.added')).length, 1)
    assert.deepEqual(await encodersOf(w, acsSystemId), ['Encoder 2'])

    // A direct grant to the room goes with it.
    const room = byName(renamed, 'Room 201')
    assert.ok(room)
    const user = await w.api('/acs/users/create', { acs_system_id: acsSystemId, full_name: 'Ada Guest' })
    assert.equal(user.status, 200, user.text)
    const grant = await w.api('/acs/entrances/grant_access', {
      acs_entrance_id: room.acs_entrance_id,
      acs_user_id: user.body.acs_user.acs_user_id,
    })
    assert.equal(grant.status, 200, grant.text)

    const removed = await report(w, {
      acs_system_id: acsSystemId,
      acs_entrances: [
        { hotek_metadata: { room_number: '201' }, is_removed: true },
        { hotek_metadata: { room_number: '999' }, is_removed: true },
      ],
      acs_encoders: [{ hotek_metadata: { encoder_number: '2' }, is_removed: true }],
    })
    assert.equal(removed.status, 200, removed.text)
    const left = await entrancesOf(w, acsSystemId)
    assert.equal(byName(left, 'Room 201'), undefined)
    assert.ok(byName(left, 'Fitness Center'))
    assert.equal((await w.api('/acs/entrances/get', { acs_entrance_id: room.acs_entrance_id })).body.error.type, 'acs_entrance_not_found')
    const reached = await w.api('/acs/users/list_accessible_entrances', { acs_user_id: user.body.acs_user.acs_user_id })
    assert.deepEqual(reached.body.acs_entrances, [])
    assert.deepEqual(await encodersOf(w, acsSystemId), [])
    // Only what was stored is removed: the unknown room 999 raises nothing.
    assert.deepEqual(
      (await eventsOf(w, 'acs_entrance.removed')).map((e) => e.acs_entrance_id),
      [room.acs_entrance_id],
    )
    assert.equal((await eventsOf(w, 'acs_encoder.removed')).length, 1)

    // Reported again after its removal, the room is back under the same id, added anew.
    assert.equal((await report(w, { acs_system_id: acsSystemId, acs_entrances: [{ hotek_metadata: { room_number: '201' } }] })).status, 200)
    assert.equal(byName(await entrancesOf(w, acsSystemId), 'Room 201')?.acs_entrance_id, room.acs_entrance_id)
    assert.equal((await eventsOf(w, 'acs_entrance.added')).length, 3)
  })

  test('the same numbers on two systems are two entrances and two encoders, each of its system', async () => {
    const w = await createWorld()
    const ks = await ksSystem(w)
    const spaceAccount = await connectSaltoSpace(w)
    const space = (await w.api('/acs/systems/list', { connected_account_id: spaceAccount })).body.acs_systems[0].acs_system_id as string
    for (const acsSystemId of [ks, space]) {
      const res = await report(w, {
        acs_system_id: acsSystemId,
        acs_entrances: [{ hotek_metadata: { room_number: '301' } }],
        acs_encoders: [{ hotek_metadata: { encoder_number: '9' } }],
      })
      assert.equal(res.status, 200, res.text)
    }
    const ksRoom = byName(await entrancesOf(w, ks), 'Room 301')
    const spaceRoom = byName(await entrancesOf(w, space), 'Room 301')
    assert.ok(ksRoom && spaceRoom)
    assert.notEqual(ksRoom.acs_entrance_id, spaceRoom.acs_entrance_id)
    assert.deepEqual(await encodersOf(w, ks), ['Encoder 9'])
    // The Salto Space site's own "Front Desk Encoder" stays beside the reported one.
    assert.deepEqual(await encodersOf(w, space), ['Encoder 9', 'Front Desk Encoder'])
  })

  test('bad input is refused and changes nothing: unknown system 404, an entrance without a number 400, a client session 401/403', async () => {
    const w = await createWorld()
    const acsSystemId = await ksSystem(w)
    const entrances = await entrancesOf(w, acsSystemId)
    const eventCount = async () => ((await w.api('/events/list', {})).body.events as Event[]).length
    const events = await eventCount()

    const unknown = await report(w, {
      acs_system_id: '00000000-0000-4000-8000-000000000000',
      acs_entrances: [{ hotek_metadata: { room_number: '101' } }],
    })
    assert.equal(unknown.status, 404, unknown.text)
    assert.equal(unknown.body.error.type, 'acs_system_not_found')

    // One good entry, one without a room or common area number: nothing of either is stored.
    const numberless = await report(w, {
      acs_system_id: acsSystemId,
      acs_entrances: [{ hotek_metadata: { room_number: '101' } }, { hotek_metadata: { common_area_name: 'Lobby' } }],
      acs_encoders: [{ hotek_metadata: { encoder_number: '1' } }],
    })
    assert.equal(numberless.status, 400, numberless.text)
    assert.equal(numberless.body.error.type, 'invalid_input')
    assert.match(numberless.body.error.message, /acs_entrances\.1\.hotek_metadata/)
    for (const hotek_metadata of [{ room_number: '1', common_area_number: '2' }, { room_number: '' }]) {
      const res = await report(w, { acs_system_id: acsSystemId, acs_entrances: [{ hotek_metadata }] })
      assert.equal(res.status, 400, res.text)
      assert.equal(res.body.error.type, 'invalid_input')
    }
    const noEncoderNumber = await report(w, { acs_system_id: acsSystemId, acs_encoders: [{ hotek_metadata: {} }] })
    assert.equal(noEncoderNumber.status, 400, noEncoderNumber.text)
    const noSystem = await report(w, { acs_entrances: [] })
    assert.equal(noSystem.status, 400, noSystem.text)

    // Seam's security list has no client session: a client session token is refused.
    const identity = await w.api('/user_identities/create', { user_identity_key: 'guest' })
    const session = await w.api('/client_sessions/create', { user_identity_id: identity.body.user_identity.user_identity_id })
    const refused = await report(
      w,
      { acs_system_id: acsSystemId, acs_entrances: [{ hotek_metadata: { room_number: '101' } }] },
      w.as.cst(session.body.client_session.token),
    )
    assert.ok(refused.status === 401 || refused.status === 403, refused.text)

    assert.deepEqual(await entrancesOf(w, acsSystemId), entrances)
    assert.deepEqual(await encodersOf(w, acsSystemId), [])
    // The client session's creation is the one event since.
    assert.ok((await eventCount()) <= events + 1)
    assert.deepEqual(await eventsOf(w, 'acs_entrance.added'), [])
    assert.deepEqual(await eventsOf(w, 'acs_encoder.added'), [])
  })

  test('a personal access token with its workspace reports too; another workspace’s system is not found', async () => {
    const w = await createWorld()
    const acsSystemId = await ksSystem(w)
    const res = await report(w, { acs_system_id: acsSystemId, acs_encoders: [{ hotek_metadata: { encoder_number: '4' } }] }, w.as.pat)
    assert.equal(res.status, 200, res.text)
    assert.deepEqual(await encodersOf(w, acsSystemId), ['Encoder 4'])
    const foreign = await report(
      w,
      { acs_system_id: acsSystemId, acs_encoders: [{ hotek_metadata: { encoder_number: '5' } }] },
      {
        authorization: `Bearer ${w.other.api_key}`,
      },
    )
    assert.equal(foreign.status, 404, foreign.text)
    assert.equal(foreign.body.error.type, 'acs_system_not_found')
    assert.deepEqual(await encodersOf(w, acsSystemId), ['Encoder 4'])
  })
})

describe('acs/systems/report_devices racing its account’s deletion', () => {
  test('a report and the deletion of its system’s account apply in turn: nothing reported outlives the system', async () => {
    const w = await createWorld()
    const whole = { workspaceId: w.ws.workspace_id, clientSessionId: null }
    const rooms = Array.from({ length: 40 }, (_, i) => ({ hotek_metadata: { room_number: String(100 + i) } }))
    for (let round = 0; round < 5; round++) {
      const accountId = await connectSaltoKs(w)
      const acsSystemId = (await w.api('/acs/systems/list', { connected_account_id: accountId })).body.acs_systems[0]
        .acs_system_id as string
      const [reported, deleted] = await Promise.all([
        report(w, { acs_system_id: acsSystemId, acs_entrances: rooms, acs_encoders: [{ hotek_metadata: { encoder_number: '1' } }] }),
        w.api('/connected_accounts/delete', { connected_account_id: accountId }),
      ])
      assert.ok(reported.status === 200 || reported.status === 404, reported.text)
      assert.equal(deleted.status, 200, deleted.text)
      const left = await w.store.listAcsEntrances(whole, { acsSystemId }, { limit: 10, after: undefined })
      assert.deepEqual(left.items, [], `round ${round}: entrances outlived their system`)
      assert.deepEqual(await encodersOf(w, acsSystemId), [], `round ${round}: encoders outlived their system`)
    }
  })
})

describe('acs/systems/report_devices through @seamapi/http v2', () => {
  let w: World
  let seam: InstanceType<typeof v1.SeamHttp>

  before(async () => {
    w = await createWorld({ manualDispose: true })
    const endpoint = await w.app.listen({ host: '127.0.0.1', port: 0 })
    seam = new v2.SeamHttp({ apiKey: w.ws.api_key, endpoint })
  })
  after(() => w.dispose())

  test('seam.acs.systems.reportDevices stores a room the entrances list then holds', async () => {
    const webview = await seam.connectWebviews.create({ accepted_providers: ['salto_ks'] })
    const signIn = await postSignIn(w, webview.url, { provider: 'salto_ks', email: 'jane@example.com', password: '1234' })
    assert.equal(signIn.status, 200, signIn.text)
    const [system] = await seam.acs.systems.list()
    assert.ok(system)
    await seam.acs.systems.reportDevices({
      acs_system_id: system.acs_system_id,
      acs_entrances: [{ hotek_metadata: { room_number: '404' } }],
      acs_encoders: [{ hotek_metadata: { encoder_number: '1' } }],
    })
    const entrances = await seam.acs.entrances.list({ acs_system_id: system.acs_system_id })
    const room = entrances.find((e) => e.display_name === 'Room 404')
    assert.ok(room)
    assert.deepEqual(room.hotek_metadata, { room_number: '404' })
    assert.deepEqual(await encodersOf(w, system.acs_system_id), ['Encoder 1'])
  })
})
