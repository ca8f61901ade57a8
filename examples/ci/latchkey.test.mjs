// A test suite's view of a Latchkey started with examples/seed.json (docs/ci.md): every id and
// token is the seed's, hard-coded. Run with `node --test`; LATCHKEY_URL says where Latchkey listens.
import assert from 'node:assert/strict'
import { test } from 'node:test'

import { SeamHttp } from '@seamapi/http/connect'

const endpoint = process.env.LATCHKEY_URL ?? 'http://127.0.0.1:3000'
const apiKey = 'seam_ciKey111_3KZ1T6ubYgudWofCnKhXKdvSbb6tkaNC'
const janeToken = 'seam_cst1ciJane11_VL1ZC6k2u8bDK2NZAJwSGJvY'
const frontDoor = '945877d6-40f4-47e4-8198-bf85481285d9'

test('the back end sees the seeded workspace: two accounts and their five locks', async () => {
  const seam = new SeamHttp({ apiKey, endpoint })
  assert.equal((await seam.workspaces.get()).name, 'CI sandbox')
  assert.equal((await seam.connectedAccounts.list()).length, 2)
  assert.equal((await seam.devices.list()).length, 5)
})

test("Jane's client session opens her front door", async () => {
  const jane = SeamHttp.fromClientSessionToken(janeToken, { endpoint })
  assert.equal((await jane.devices.list()).length, 3)
  await jane.locks.unlockDoor({ device_id: frontDoor })
  assert.equal((await jane.devices.get({ device_id: frontDoor })).properties.locked, false)
  await jane.locks.lockDoor({ device_id: frontDoor })
  assert.equal((await jane.devices.get({ device_id: frontDoor })).properties.locked, true)
})
