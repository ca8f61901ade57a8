import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { createDeviceJson } from '../../src/domain/resources/device-json.ts'
import { toDeviceResource } from '../../src/domain/resources/device.ts'
import { sandboxLock } from '../../src/sandbox/devices.ts'
import type { DeviceRecord } from '../../src/store/records.ts'

const record = (name: string): DeviceRecord => {
  const made = sandboxLock('workspace-1', 'account-1', name, '2026-01-01T00:00:00.000Z')
  return Object.freeze({ ...made, errors: [], warnings: [] }) as unknown as DeviceRecord
}

describe('device JSON: an app’s cache, keyed by stored record', () => {
  test('is what JSON.stringify gives for the resource', () => {
    const device = record('Front Door')
    assert.equal(createDeviceJson()(device), JSON.stringify(toDeviceResource(device)))
  })

  test('is made once per record object, and again for a new version of the device', () => {
    const json = createDeviceJson()
    const device = record('Front Door')
    const first = json(device)
    // A record is never changed in place (the store makes a new one per version); one that were
    // would still answer the JSON made for it, which shows the JSON is not made again.
    const unfrozen = { ...device }
    const before = json(unfrozen)
    unfrozen.displayName = 'Changed in place'
    assert.equal(json(unfrozen), before)
    const renamed = Object.freeze({ ...device, displayName: 'Back Door' })
    assert.notEqual(json(renamed), first)
    assert.equal(JSON.parse(json(renamed)).display_name, 'Back Door')
  })
})
