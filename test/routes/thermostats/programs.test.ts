import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { thermostat, janesThermostats } from '../../fixtures/thermostats.ts'
import type { World } from '../../fixtures/world.ts'

const WORKDAY = [
  { starts_at_time: '22:30:00', climate_preset_key: 'sleep' },
  { starts_at_time: '07:00:00', climate_preset_key: 'home' },
  { starts_at_time: '09:00:00', climate_preset_key: 'away' },
]

const createProgram = async (w: World, body: Record<string, unknown>, headers = w.as.apiKey) => {
  const res = await w.api('/thermostats/daily_programs/create', body, headers)
  assert.equal(res.status, 200, res.text)
  return res.body.thermostat_daily_program
}

const attempt = async (w: World, id: string) => (await w.api('/action_attempts/get', { action_attempt_id: id })).body.action_attempt

describe('thermostats/daily_programs and update_weekly_program', () => {
  test('create answers the program, its periods in the order of the day; the thermostat reports it', async () => {
    const { w, livingRoom } = await janesThermostats()
    const program = await createProgram(w, { device_id: livingRoom, name: 'Workday', periods: WORKDAY })
    assert.deepEqual(
      { ...program, thermostat_daily_program_id: undefined },
      {
        thermostat_daily_program_id: undefined,
        workspace_id: w.ws.workspace_id,
        device_id: livingRoom,
        name: 'Workday',
        periods: [WORKDAY[1], WORKDAY[2], WORKDAY[0]],
        created_at: w.clock.now().toISOString(),
      },
    )
    assert.deepEqual((await thermostat(w, livingRoom)).properties.thermostat_daily_programs, [program])
  })

  test('update (PATCH) replaces name and periods and answers a succeeded PUSH_THERMOSTAT_PROGRAMS attempt', async () => {
    const { w, livingRoom } = await janesThermostats()
    const program = await createProgram(w, { device_id: livingRoom, name: 'Workday', periods: WORKDAY })
    const periods = [{ starts_at_time: '06:00:00', climate_preset_key: 'home' }]
    const res = await w.request({
      method: 'PATCH',
      url: '/thermostats/daily_programs/update',
      payload: { thermostat_daily_program_id: program.thermostat_daily_program_id, name: 'Early', periods },
      headers: w.as.apiKey,
    })
    assert.equal(res.status, 200, res.text)
    const answered = res.body.action_attempt
    assert.equal(answered.action_type, 'PUSH_THERMOSTAT_PROGRAMS')
    assert.equal(answered.status, 'success')
    assert.deepEqual(await attempt(w, answered.action_attempt_id), answered)
    const [reported] = (await thermostat(w, livingRoom)).properties.thermostat_daily_programs
    assert.deepEqual({ name: reported.name, periods: reported.periods }, { name: 'Early', periods })
  })

  test('update_weekly_program sets each weekday’s program, a day left out runs none; deleting a program frees its days', async () => {
    const { w, livingRoom } = await janesThermostats()
    const workday = await createProgram(w, { device_id: livingRoom, name: 'Workday', periods: WORKDAY })
    const weekend = await createProgram(w, {
      device_id: livingRoom,
      name: 'Weekend',
      periods: [{ starts_at_time: '08:00:00', climate_preset_key: 'home' }],
    })
    const w1 = workday.thermostat_daily_program_id
    const w2 = weekend.thermostat_daily_program_id
    const res = await w.api('/thermostats/update_weekly_program', {
      device_id: livingRoom,
      monday_program_id: w1,
      tuesday_program_id: w1,
      wednesday_program_id: w1,
      thursday_program_id: w1,
      saturday_program_id: w2,
      sunday_program_id: w2,
    })
    assert.equal(res.status, 200, res.text)
    assert.equal(res.body.action_attempt.action_type, 'PUSH_THERMOSTAT_PROGRAMS')
    assert.equal(res.body.action_attempt.status, 'success')
    const week = {
      monday_program_id: w1,
      tuesday_program_id: w1,
      wednesday_program_id: w1,
      thursday_program_id: w1,
      friday_program_id: null,
      saturday_program_id: w2,
      sunday_program_id: w2,
      created_at: w.clock.now().toISOString(),
    }
    assert.deepEqual((await thermostat(w, livingRoom)).properties.thermostat_weekly_program, week)

    const deleted = await w.request({
      method: 'DELETE',
      url: `/thermostats/daily_programs/delete?thermostat_daily_program_id=${w2}`,
      headers: w.as.apiKey,
    })
    assert.equal(deleted.status, 200, deleted.text)
    assert.deepEqual(deleted.body, { ok: true })
    const after = (await thermostat(w, livingRoom)).properties
    assert.deepEqual(after.thermostat_weekly_program, { ...week, saturday_program_id: null, sunday_program_id: null })
    assert.deepEqual(after.thermostat_daily_programs, [workday])
    const again = await w.api('/thermostats/daily_programs/delete', { thermostat_daily_program_id: w2 })
    assert.equal(again.status, 404)
    assert.equal(again.body.error.type, 'thermostat_daily_program_not_found')
  })

  test('refused: a preset the thermostat lacks, a malformed time, two periods at one time, a program of another thermostat', async () => {
    const { w, livingRoom, upstairs } = await janesThermostats()
    const bad: [Record<string, unknown>, string][] = [
      [{ periods: [{ starts_at_time: '07:00:00', climate_preset_key: 'party' }] }, 'periods'],
      [{ periods: [{ starts_at_time: '24:00:00', climate_preset_key: 'home' }] }, 'periods'],
      [{ periods: [{ starts_at_time: '7:00', climate_preset_key: 'home' }] }, 'periods'],
      [{ periods: [WORKDAY[0], { ...WORKDAY[0], climate_preset_key: 'home' }] }, 'periods'],
      [{ periods: WORKDAY, name: undefined }, 'name'],
    ]
    for (const [body, field] of bad) {
      const res = await w.api('/thermostats/daily_programs/create', { device_id: livingRoom, name: 'x', ...body })
      assert.equal(res.status, 400, `${JSON.stringify(body)}: ${res.text}`)
      assert.equal(res.body.error.type, 'invalid_input')
      assert.ok(res.body.error.validation_errors[field], res.text)
    }
    assert.deepEqual((await thermostat(w, livingRoom)).properties.thermostat_daily_programs, [])

    const upstairsProgram = await createProgram(w, { device_id: upstairs, name: 'Upstairs', periods: WORKDAY })
    const wrongDevice = await w.api('/thermostats/update_weekly_program', {
      device_id: livingRoom,
      monday_program_id: upstairsProgram.thermostat_daily_program_id,
    })
    assert.equal(wrongDevice.status, 404)
    assert.equal(wrongDevice.body.error.type, 'thermostat_daily_program_not_found')
    assert.equal((await thermostat(w, livingRoom)).properties.thermostat_weekly_program, null)
  })

  test("a client session reaches its scope's thermostats' programs and nothing outside it; programs go with a reset", async () => {
    const { w, cst, upstairs, guestSuite, frontDoor } = await janesThermostats()
    const mine = await createProgram(w, { device_id: upstairs, name: 'Mine', periods: WORKDAY }, cst)
    const updated = await w.api(
      '/thermostats/daily_programs/update',
      { thermostat_daily_program_id: mine.thermostat_daily_program_id, name: 'Mine', periods: [] },
      cst,
    )
    assert.equal(updated.status, 200, updated.text)
    assert.equal(
      (await w.api('/thermostats/update_weekly_program', { device_id: upstairs, monday_program_id: mine.thermostat_daily_program_id }, cst))
        .status,
      200,
    )

    const theirs = await createProgram(w, { device_id: guestSuite, name: 'Theirs', periods: WORKDAY })
    assert.equal(
      (await w.api('/thermostats/daily_programs/create', { device_id: guestSuite, name: 'x', periods: [] }, cst)).body.error.type,
      'device_not_found',
    )
    assert.equal((await w.api('/thermostats/update_weekly_program', { device_id: guestSuite }, cst)).body.error.type, 'device_not_found')
    const id = theirs.thermostat_daily_program_id
    assert.equal(
      (await w.api('/thermostats/daily_programs/update', { thermostat_daily_program_id: id, name: 'x', periods: [] }, cst)).body.error.type,
      'thermostat_daily_program_not_found',
    )
    assert.equal(
      (await w.api('/thermostats/daily_programs/delete', { thermostat_daily_program_id: id }, cst)).body.error.type,
      'thermostat_daily_program_not_found',
    )
    assert.equal(
      (await w.api('/thermostats/daily_programs/create', { device_id: frontDoor, name: 'x', periods: [] })).body.error.type,
      'device_not_found',
    )

    assert.equal((await w.api('/workspaces/reset_sandbox', {})).status, 200)
    assert.equal(await w.store.getThermostatDailyProgram(w.ws.workspace_id, id), undefined)
    assert.equal(await w.store.getThermostatDailyProgram(w.ws.workspace_id, mine.thermostat_daily_program_id), undefined)
  })
})
