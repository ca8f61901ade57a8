import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import * as v1 from '@seamapi/http/connect'

import { createWorld, type World } from '../fixtures/world.ts'

type Sdk = typeof v1
// The v2 line, installed under an npm alias (see seam-http.test.ts): GET for list/get, PATCH for update, DELETE for delete.
const v2 = (await import('seamapi-http-v2/connect')) as unknown as Sdk

/** Minut sensors and their thresholds as a property-management team's code drives them, through the official SDK. */
const sdkSuite = (line: string, sdk: Sdk) =>
  describe(`noise sensors through @seamapi/http ${line}`, () => {
    const { SeamHttp, SeamHttpApiError } = sdk
    let w: World
    let seam: InstanceType<Sdk['SeamHttp']>
    let livingRoom: string

    before(async () => {
      w = await createWorld({ manualDispose: true })
      const endpoint = await w.app.listen({ host: '127.0.0.1', port: 0 })
      seam = new SeamHttp({ apiKey: w.ws.api_key, endpoint })
      const webview = await seam.connectWebviews.create({ accepted_providers: ['minut'] })
      assert.equal((await w.signIn(webview.url, 'host@example.com', '1234', { code: '' })).status, 200)
      const sensors = await seam.noiseSensors.list()
      assert.deepEqual(sensors.map((s) => s.display_name).sort(), ['Bedroom', 'Living Room'])
      livingRoom = sensors.find((s) => s.display_name === 'Living Room')?.device_id as string
    })
    after(() => w.dispose())

    test('noiseThresholds: list the defaults, create, get, update, delete', async () => {
      const defaults = await seam.noiseSensors.noiseThresholds.list({ device_id: livingRoom })
      assert.deepEqual(
        defaults.map((t) => t.name),
        ['builtin_quiet_hours', 'builtin_normal_hours'],
      )
      const created = await seam.noiseSensors.noiseThresholds.create({
        device_id: livingRoom,
        name: 'Weekend curfew',
        starts_daily_at: '23:00:00[America/New_York]',
        ends_daily_at: '08:00:00[America/New_York]',
        noise_threshold_decibels: 68,
      })
      assert.equal(created.name, 'Weekend curfew')
      assert.equal(created.device_id, livingRoom)
      assert.deepEqual(await seam.noiseSensors.noiseThresholds.get({ noise_threshold_id: created.noise_threshold_id }), created)

      await seam.noiseSensors.noiseThresholds.update({
        device_id: livingRoom,
        noise_threshold_id: created.noise_threshold_id,
        noise_threshold_decibels: 62,
      })
      const updated = await seam.noiseSensors.noiseThresholds.get({ noise_threshold_id: created.noise_threshold_id })
      assert.equal(updated.noise_threshold_decibels, 62)
      assert.equal(updated.name, 'Weekend curfew')
      assert.equal((await seam.noiseSensors.noiseThresholds.list({ device_id: livingRoom })).length, 3)

      await seam.noiseSensors.noiseThresholds.delete({ device_id: livingRoom, noise_threshold_id: created.noise_threshold_id })
      await assert.rejects(
        seam.noiseSensors.noiseThresholds.get({ noise_threshold_id: created.noise_threshold_id }),
        (error: unknown) => error instanceof SeamHttpApiError && error.code === 'noise_threshold_not_found',
      )
      const attempts = await seam.actionAttempts.list({ device_id: livingRoom })
      for (const type of ['CREATE_NOISE_THRESHOLD', 'UPDATE_NOISE_THRESHOLD', 'DELETE_NOISE_THRESHOLD'])
        assert.ok(
          attempts.some((a) => a.action_type === type && a.status === 'success'),
          type,
        )
    })

    test('simulate.triggerNoiseThreshold: the sensor reports the threshold triggering; the event carries it', async () => {
      const [quiet] = await seam.noiseSensors.noiseThresholds.list({ device_id: livingRoom })
      assert.ok(quiet)
      await seam.noiseSensors.simulate.triggerNoiseThreshold({ device_id: livingRoom })
      const device = await seam.devices.get({ device_id: livingRoom })
      assert.deepEqual(device.properties.currently_triggering_noise_threshold_ids, [quiet.noise_threshold_id])
      const [event] = await seam.events.list({ event_type: 'noise_sensor.noise_threshold_triggered', device_id: livingRoom })
      assert.ok(event && event.event_type === 'noise_sensor.noise_threshold_triggered')
      assert.equal(event.noise_threshold_id, quiet.noise_threshold_id)
      assert.equal(event.noise_threshold_name, quiet.name)
      assert.equal(event.noise_level_decibels, device.properties.noise_level_decibels)
    })
  })

void sdkSuite('1.x', v1)
void sdkSuite('2.x', v2)
