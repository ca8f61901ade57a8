import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import * as v1 from '@seamapi/http/connect'

import { createWorld, type World } from '../fixtures/world.ts'

type Sdk = typeof v1
// The v2 line, installed under an npm alias (see seam-http.test.ts).
const v2 = (await import('seamapi-http-v2/connect')) as unknown as Sdk

/**
 * Keypad simulation, auto-lock, unmanaged and linked access codes as a team's CI drives them:
 * through the official SDK against an in-process server, reading back state and events.
 */
const sdkSuite = (line: string, sdk: Sdk) =>
  describe(`keypad and access codes through @seamapi/http ${line}`, () => {
    const { SeamHttp, SeamHttpApiError } = sdk
    let w: World
    let seam: InstanceType<Sdk['SeamHttp']>
    let frontDoor: string
    let backDoor: string

    before(async () => {
      w = await createWorld({ manualDispose: true })
      const endpoint = await w.app.listen({ host: '127.0.0.1', port: 0 })
      seam = new SeamHttp({ apiKey: w.ws.api_key, endpoint })
      const webview = await seam.connectWebviews.create({})
      await w.signIn(webview.url, 'jane@example.com', '1234')
      const locks = await seam.locks.list()
      frontDoor = locks.find((l) => l.display_name === 'Front Door')?.device_id as string
      backDoor = locks.find((l) => l.display_name === 'Back Door')?.device_id as string
      assert.ok(frontDoor && backDoor)
    })
    after(() => w.dispose())

    test('locks.simulate.keypadCodeEntry with a code on the lock unlocks it; manualLockViaKeypad locks it', async () => {
      const code = await seam.accessCodes.create({ device_id: frontDoor, name: 'Cleaner', code: '4821' })
      const entered = await seam.locks.simulate.keypadCodeEntry({ device_id: frontDoor, code: '4821' })
      assert.equal(entered.action_type, 'SIMULATE_KEYPAD_CODE_ENTRY')
      assert.equal(entered.status, 'success')
      assert.equal((await seam.locks.get({ device_id: frontDoor })).properties.locked, false)
      const [unlocked] = await seam.events.list({ event_type: 'lock.unlocked', device_id: frontDoor })
      assert.ok(unlocked && unlocked.event_type === 'lock.unlocked')
      assert.equal(unlocked.method, 'keycode')
      assert.equal(unlocked.access_code_id, code.access_code_id)

      const manual = await seam.locks.simulate.manualLockViaKeypad({ device_id: frontDoor })
      assert.equal(manual.action_type, 'SIMULATE_MANUAL_LOCK_VIA_KEYPAD')
      assert.equal((await seam.locks.get({ device_id: frontDoor })).properties.locked, true)

      await seam.locks.simulate.keypadCodeEntry({ device_id: frontDoor, code: '0000' })
      assert.equal((await seam.locks.get({ device_id: frontDoor })).properties.locked, true)
      const [denied] = await seam.events.list({ event_type: 'lock.access_denied', device_id: frontDoor })
      assert.equal(denied?.event_type, 'lock.access_denied')
    })

    // The 1.x line predates locks.configureAutoLock; the HTTP tests cover the route for every client.
    const autoLockSkip = line === '1.x' ? 'the 1.x SDK has no locks.configureAutoLock' : false
    test('locks.configureAutoLock sets the auto-lock properties', { skip: autoLockSkip }, async () => {
      type ConfigureAutoLock = (p: { device_id: string; auto_lock_enabled: boolean; auto_lock_delay_seconds?: number }) => Promise<{
        action_type: string
        status: string
      }>
      const locks = seam.locks as unknown as { configureAutoLock: ConfigureAutoLock }
      const attempt = await locks.configureAutoLock({ device_id: backDoor, auto_lock_enabled: true, auto_lock_delay_seconds: 45 })
      assert.equal(attempt.action_type, 'CONFIGURE_AUTO_LOCK')
      assert.equal(attempt.status, 'success')
      const { properties } = await seam.locks.get({ device_id: backDoor })
      assert.equal(properties.auto_lock_enabled, true)
      assert.equal(properties.auto_lock_delay_seconds, 45)
    })

    test('accessCodes.simulate.createUnmanagedAccessCode, unmanaged.*, convertToManaged', async () => {
      const unmanaged = await seam.accessCodes.simulate.createUnmanagedAccessCode({ device_id: backDoor, name: 'Old PIN', code: '97531' })
      assert.equal(unmanaged.is_managed, false)
      assert.equal((await seam.accessCodes.unmanaged.get({ access_code_id: unmanaged.access_code_id })).code, '97531')
      const listed = await seam.accessCodes.unmanaged.list({ device_id: backDoor })
      assert.deepEqual(
        listed.map((c) => c.access_code_id),
        [unmanaged.access_code_id],
      )
      assert.ok(!(await seam.accessCodes.list({ device_id: backDoor })).some((c) => c.access_code_id === unmanaged.access_code_id))
      await seam.accessCodes.unmanaged.convertToManaged({ access_code_id: unmanaged.access_code_id })
      assert.deepEqual(await seam.accessCodes.unmanaged.list({ device_id: backDoor }), [])
      assert.equal((await seam.accessCodes.get({ access_code_id: unmanaged.access_code_id })).is_managed, true)

      const spare = await seam.accessCodes.simulate.createUnmanagedAccessCode({ device_id: backDoor, name: 'Spare', code: '86420' })
      await seam.accessCodes.unmanaged.delete({ access_code_id: spare.access_code_id })
      await assert.rejects(seam.accessCodes.unmanaged.get({ access_code_id: spare.access_code_id }), (error: unknown) => {
        assert.ok(error instanceof SeamHttpApiError)
        assert.equal(error.code, 'access_code_not_found')
        return true
      })
    })

    test('accessCodes.createMultiple, updateMultiple, pullBackupAccessCode, reportDeviceConstraints', async () => {
      const now = w.clock.now().getTime()
      const window = { starts_at: new Date(now + 3_600_000).toISOString(), ends_at: new Date(now + 7_200_000).toISOString() }
      const linked = await seam.accessCodes.createMultiple({ device_ids: [frontDoor, backDoor], name: 'Family', ...window })
      assert.equal(linked.length, 2)
      assert.equal(linked[0]?.code, linked[1]?.code)
      const key = linked[0]?.common_code_key as string
      await seam.accessCodes.updateMultiple({ common_code_key: key, name: 'Family (summer)' })
      for (const code of linked) assert.equal((await seam.accessCodes.get({ access_code_id: code.access_code_id })).name, 'Family (summer)')

      const backup = await seam.accessCodes.pullBackupAccessCode({ access_code_id: linked[0]?.access_code_id as string })
      assert.notEqual(backup.access_code_id, linked[0]?.access_code_id)
      assert.equal(backup.ends_at, window.ends_at)

      await seam.accessCodes.reportDeviceConstraints({ device_id: frontDoor, supported_code_lengths: [6] })
      assert.deepEqual((await seam.devices.get({ device_id: frontDoor })).properties.supported_code_lengths, [6])
    })
  })

void sdkSuite('1.x', v1)
void sdkSuite('2.x', v2)
