import assert from 'node:assert/strict'
import { after, before, describe, mock, test } from 'node:test'

import * as v1 from '@seamapi/http/connect'
import { SeamWebhook } from '@seamapi/webhook'

import { createWorld, type World } from '../fixtures/world.ts'
import { startReceiver } from '../webhooks/receiver.ts'

type Sdk = typeof v1
// The v2 line is installed under an npm alias (see seam-http.test.ts).
const v2 = (await import('seamapi-http-v2/connect')) as unknown as Sdk

/** Jane's account and locks through a Connect Webview, as a CI run would set them up. */
const signInJane = async (w: World) => {
  const webview = (await w.api('/connect_webviews/create', {})).body.connect_webview
  await w.signIn(webview.url, 'jane@example.com', '1234')
}

/**
 * A team's CI drives the sandbox through Seam's own SDK: simulate routes, unmanaged devices and
 * account changes, reading the outcome back as state and events.
 */
const sdkSuite = (line: string, sdk: Sdk, withUndocumentedDelete: boolean) =>
  describe(`device simulation through @seamapi/http ${line}`, () => {
    let w: World
    let endpoint: string
    let seam: InstanceType<Sdk['SeamHttp']>

    before(async () => {
      w = await createWorld({ manualDispose: true })
      endpoint = await w.app.listen({ host: '127.0.0.1', port: 0 })
      seam = new sdk.SeamHttp({ apiKey: w.ws.api_key, endpoint })
      await signInJane(w)
    })
    after(() => w.dispose())

    test('devices.simulate: disconnect, connect, hub, paid subscription, read back as state and events', async () => {
      const [lock] = await seam.devices.list()
      assert.ok(lock)
      await seam.devices.simulate.disconnect({ device_id: lock.device_id })
      let read = await seam.devices.get({ device_id: lock.device_id })
      assert.equal(read.properties.online, false)
      assert.deepEqual(
        read.errors.map((e) => e.error_code),
        ['device_disconnected'],
      )
      const [disconnected] = await seam.events.list({ event_type: 'device.disconnected', device_id: lock.device_id })
      assert.equal(disconnected?.event_type, 'device.disconnected')

      await seam.devices.simulate.connect({ device_id: lock.device_id })
      await seam.devices.simulate.disconnectFromHub({ device_id: lock.device_id })
      read = await seam.devices.get({ device_id: lock.device_id })
      assert.deepEqual(
        read.errors.map((e) => e.error_code),
        ['hub_disconnected'],
      )
      await seam.devices.simulate.connectToHub({ device_id: lock.device_id })
      await seam.devices.simulate.paidSubscription({ device_id: lock.device_id, is_expired: true })
      read = await seam.devices.get({ device_id: lock.device_id })
      assert.deepEqual(
        read.errors.map((e) => e.error_code),
        ['subscription_required'],
      )
      assert.equal(read.properties.online, true)
      await seam.devices.simulate.paidSubscription({ device_id: lock.device_id, is_expired: false })
      assert.deepEqual((await seam.devices.get({ device_id: lock.device_id })).errors, [])
      const types = (await seam.events.list({ device_id: lock.device_id })).map((e) => e.event_type)
      for (const type of [
        'device.disconnected',
        'device.connected',
        'device.error.subscription_required',
        'device.error.subscription_required.resolved',
      ])
        assert.ok(types.includes(type as never), type)
    })

    test('devices.update is_managed false, devices.unmanaged.list/get/update, devices.simulate.remove', async () => {
      const [first, second] = await seam.devices.list()
      assert.ok(first && second)
      await seam.devices.update({ device_id: first.device_id, is_managed: false })
      const unmanaged = await seam.devices.unmanaged.list()
      assert.deepEqual(
        unmanaged.map((d) => d.device_id),
        [first.device_id],
      )
      assert.equal((await seam.devices.unmanaged.get({ device_id: first.device_id })).is_managed, false)
      await assert.rejects(seam.devices.get({ device_id: first.device_id }), sdk.SeamHttpApiError)
      await seam.devices.unmanaged.update({ device_id: first.device_id, is_managed: true })
      assert.equal((await seam.devices.get({ device_id: first.device_id })).is_managed, true)

      await seam.devices.simulate.remove({ device_id: second.device_id })
      await assert.rejects(seam.devices.get({ device_id: second.device_id }), (error: unknown) => {
        assert.ok(error instanceof sdk.SeamHttpApiError)
        assert.equal(error.code, 'device_not_found')
        return true
      })
    })

    test('connectedAccounts.simulate.disconnect, update and sync', async () => {
      const [account] = await seam.connectedAccounts.list()
      assert.ok(account)
      await seam.connectedAccounts.sync({ connected_account_id: account.connected_account_id })
      await seam.connectedAccounts.update({ connected_account_id: account.connected_account_id, custom_metadata: { team: 'ci' } })
      await seam.connectedAccounts.simulate.disconnect({ connected_account_id: account.connected_account_id })
      const read = await seam.connectedAccounts.get({ connected_account_id: account.connected_account_id })
      assert.deepEqual(read.custom_metadata, { team: 'ci' })
      assert.deepEqual(
        read.errors.map((e) => e.error_code),
        ['account_disconnected'],
      )
      for (const d of await seam.devices.list({ connected_account_id: account.connected_account_id }))
        assert.equal(d.properties.online, false)
      const [event] = await seam.events.list({ event_type: 'connected_account.disconnected' })
      assert.ok(event?.event_type === 'connected_account.disconnected')
      assert.equal(event.connected_account_id, account.connected_account_id)
    })

    // SDK v1 only: the v2 line dropped devices.delete().
    if (withUndocumentedDelete)
      test('devices.delete (undocumented) needs isUndocumentedApiEnabled and then deletes', async () => {
        const [lock] = await seam.devices.list()
        assert.ok(lock)
        assert.throws(() => seam.devices.delete({ device_id: lock.device_id }), /isUndocumentedApiEnabled/)
        const undocumented = new sdk.SeamHttp({ apiKey: w.ws.api_key, endpoint, isUndocumentedApiEnabled: true })
        await undocumented.devices.delete({ device_id: lock.device_id })
        await assert.rejects(seam.devices.get({ device_id: lock.device_id }), sdk.SeamHttpApiError)
      })
  })

void sdkSuite('v1', v1, true)
void sdkSuite('v2', v2, false)

describe('webhooks', () => {
  test('a receiver gets device.disconnected from devices/simulate/disconnect, verified by @seamapi/webhook', async () => {
    const w = await createWorld({ webhooks: { allowHosts: ['127.0.0.1'], retryScheduleSeconds: [0.2, 0.5], pollMs: 50 } })
    await signInJane(w)
    const receiver = await startReceiver()
    const webhook = (await w.api('/webhooks/create', { url: receiver.url, event_types: ['device.disconnected'] })).body.webhook
    const [lock] = (await w.api('/devices/list')).body.devices as { device_id: string }[]
    assert.ok(lock)
    assert.equal((await w.api('/devices/simulate/disconnect', { device_id: lock.device_id })).status, 200)
    await receiver.waitFor(1)
    const [delivery] = receiver.received
    assert.ok(delivery)
    const headers = Object.fromEntries(Object.entries(delivery.headers).filter(([, v]) => typeof v === 'string')) as Record<string, string>
    // The receiver's clock reads the delivery's svix-timestamp: the signature is what is checked.
    mock.timers.enable({ apis: ['Date'], now: Number(headers['svix-timestamp']) * 1000 })
    let event: { event_type: string; device_id?: string; error_code?: string }
    try {
      event = new SeamWebhook(webhook.secret).verify(delivery.body, headers) as typeof event
    } finally {
      mock.timers.reset()
    }
    assert.equal(event.event_type, 'device.disconnected')
    assert.equal(event.device_id, lock.device_id)
    assert.equal(event.error_code, 'device_disconnected')
    assert.throws(() => new SeamWebhook(webhook.secret).verify(delivery.body.replace('device_disconnected', 'x'), headers))
  })
})
