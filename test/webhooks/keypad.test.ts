import assert from 'node:assert/strict'
import { describe, mock, test } from 'node:test'

import { SeamWebhook } from '@seamapi/webhook'

import { createWorld } from '../fixtures/world.ts'
import { startReceiver } from './receiver.ts'

const FAST = { allowHosts: ['127.0.0.1'], retryScheduleSeconds: [0.2, 0.5], pollMs: 50 }

/**
 * Verifies a delivery as @seamapi/webhook does, on a receiver whose clock reads the delivery's
 * svix-timestamp (the app's clock in tests is the world's hand-moved one; see webhooks.test.ts).
 */
const verify = (secret: string, body: string, headers: Record<string, unknown>): unknown => {
  const plain = Object.fromEntries(Object.entries(headers).filter(([, v]) => typeof v === 'string')) as Record<string, string>
  mock.timers.enable({ apis: ['Date'], now: Number(plain['svix-timestamp']) * 1000 })
  try {
    return new SeamWebhook(secret).verify(body, plain)
  } finally {
    mock.timers.reset()
  }
}

describe('webhooks for simulated keypad entries', () => {
  test('a receiver gets lock.unlocked by keycode, with the code’s id, signed so that @seamapi/webhook verifies it', async () => {
    const w = await createWorld({ webhooks: FAST })
    const webview = (await w.api('/connect_webviews/create', {})).body.connect_webview
    await w.signIn(webview.url, 'jane@example.com', '1234')
    const [lock] = (await w.api('/devices/list')).body.devices as { device_id: string }[]
    assert.ok(lock)
    const receiver = await startReceiver()
    const hook = (await w.api('/webhooks/create', { url: receiver.url, event_types: ['lock.unlocked', 'lock.access_denied'] })).body.webhook
    const code = (await w.api('/access_codes/create', { device_id: lock.device_id, code: '4821' })).body.access_code

    await w.api('/locks/simulate/keypad_code_entry', { device_id: lock.device_id, code: '0000' })
    await w.api('/locks/simulate/keypad_code_entry', { device_id: lock.device_id, code: '4821' })
    await receiver.waitFor(2)

    const events = receiver.received.map((delivery) => {
      const event = verify(hook.secret as string, delivery.body, delivery.headers) as Record<string, unknown>
      assert.deepEqual(event, JSON.parse(delivery.body))
      return event
    })
    const unlocked = events.find((e) => e.event_type === 'lock.unlocked')
    assert.ok(unlocked, 'lock.unlocked delivered')
    assert.equal(unlocked.method, 'keycode')
    assert.equal(unlocked.access_code_id, code.access_code_id)
    assert.equal(unlocked.device_id, lock.device_id)
    const stored = (await w.api('/events/get', { event_id: unlocked.event_id })).body.event
    assert.deepEqual(unlocked, stored)
    const denied = events.find((e) => e.event_type === 'lock.access_denied')
    assert.ok(denied, 'lock.access_denied delivered')
    assert.deepEqual((denied.reason as { reason_code: string }).reason_code, 'unknown_code')
  })
})
