// A test suite's view of a Latchkey started with examples/seed.json (docs/ci.md): every id and
// token is the seed's, hard-coded. Run with `node --test`; LATCHKEY_URL says where Latchkey listens.
import assert from 'node:assert/strict'
import { test } from 'node:test'

import { SeamHttp } from '@seamapi/http/connect'

const endpoint = process.env.LATCHKEY_URL ?? 'http://127.0.0.1:3000'
const apiKey = 'seam_ciKey111_3KZ1T6ubYgudWofCnKhXKdvSbb6tkaNC'
const janeToken = 'seam_cst1ciJane11_VL1ZC6k2u8bDK2NZAJwSGJvY'
const frontDoor = '945877d6-40f4-47e4-8198-bf85481285d9'
const livingRoomThermostat = 'b2d94c1e-0f6a-4e37-8c15-3a9e7d2f4b60'
const bedroomSensor = '4c7e2a19-8b3d-4f50-a6e1-0d9f5b3c7e82'

test('the back end sees the seeded workspace: four accounts, their five locks, two thermostats and two noise sensors', async () => {
  const seam = new SeamHttp({ apiKey, endpoint })
  assert.equal((await seam.workspaces.get()).name, 'CI sandbox')
  assert.equal((await seam.connectedAccounts.list()).length, 4)
  assert.equal((await seam.locks.list()).length, 5)
  assert.equal((await seam.thermostats.list()).length, 2)
  assert.equal((await seam.noiseSensors.list()).length, 2)
})

test("Jane's client session opens her front door", async () => {
  const jane = SeamHttp.fromClientSessionToken(janeToken, { endpoint })
  assert.equal((await jane.locks.list()).length, 3)
  await jane.locks.unlockDoor({ device_id: frontDoor })
  assert.equal((await jane.devices.get({ device_id: frontDoor })).properties.locked, false)
  await jane.locks.lockDoor({ device_id: frontDoor })
  assert.equal((await jane.devices.get({ device_id: frontDoor })).properties.locked, true)
})

test("Jane's client session heats her living room and reads her bedroom's noise thresholds", async () => {
  const jane = SeamHttp.fromClientSessionToken(janeToken, { endpoint })
  await jane.thermostats.heat({ device_id: livingRoomThermostat, heating_set_point_fahrenheit: 68 })
  const setting = (await jane.devices.get({ device_id: livingRoomThermostat })).properties.current_climate_setting
  assert.equal(setting?.hvac_mode_setting, 'heat')
  assert.equal(setting?.heating_set_point_fahrenheit, 68)
  const thresholds = await jane.noiseSensors.noiseThresholds.list({ device_id: bedroomSensor })
  assert.ok(thresholds.length > 0)
})
