import assert from 'node:assert/strict'
import { test } from 'node:test'

import { createTokenCipher } from '../../src/auth/token-cipher.ts'
import { DEFAULT_CONFIG } from '../../src/domain/context.ts'
import { createWebhookDispatcher, type WebhookDispatcher } from '../../src/webhooks/dispatcher.ts'
import { createWorld } from '../fixtures/world.ts'
import { startReceiver } from './receiver.ts'

/**
 * A world whose own dispatcher never runs (its first round is an hour away), a webhook receiving
 * everything, and one unlock recorded; the test runs a dispatcher of its own on the same store,
 * told how busy the loop is.
 */
const unlockedWithWebhook = async () => {
  const w = await createWorld({ webhooks: { allowHosts: ['127.0.0.1'], pollMs: 3_600_000 } })
  const webview = (await w.api('/connect_webviews/create', {})).body.connect_webview
  await w.signIn(webview.url, 'jane@example.com', '1234')
  const [lock] = (await w.api('/devices/list')).body.devices as { device_id: string }[]
  const receiver = await startReceiver()
  await w.api('/webhooks/create', { url: receiver.url, event_types: ['lock.unlocked'] })
  assert.equal((await w.api('/locks/unlock_door', { device_id: lock?.device_id })).status, 200)
  const dispatcherFor = (busy: () => boolean, maxDeferMs: number) => {
    let pauses = 0
    // How many deliveries each round asked the store for.
    const claimLimits: number[] = []
    const store = {
      ...w.store,
      claimDueDeliveries: (...args: Parameters<typeof w.store.claimDueDeliveries>) => {
        claimLimits.push(args[2])
        return w.store.claimDueDeliveries(...args)
      },
    }
    const dispatcher = createWebhookDispatcher({
      store,
      cipher: createTokenCipher(Buffer.alloc(32, 7)),
      config: { ...DEFAULT_CONFIG.webhooks, allowHosts: ['127.0.0.1'], pollMs: 10 },
      loopLoad: { mark: () => undefined, since: () => (pauses++, busy() ? 1 : 0) },
      maxDeferMs,
    })
    return { dispatcher, pauses: () => pauses, claimLimits }
  }
  return { w, receiver, dispatcherFor }
}

const until = async (done: () => boolean) => {
  for (let i = 0; i < 1000 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 10))
}

test('while requests keep the event loop busy a delivery waits, and it is sent once the loop is quiet', async () => {
  const { receiver, dispatcherFor } = await unlockedWithWebhook()
  let busy = true
  const { dispatcher, pauses } = dispatcherFor(() => busy, 3_600_000)
  dispatcher.start()
  try {
    await until(() => pauses() >= 20)
    assert.ok(pauses() >= 20)
    assert.equal(receiver.received.length, 0)
    busy = false
    await receiver.waitFor(1)
    assert.equal(JSON.parse(receiver.received[0]?.body ?? '{}').event_type, 'lock.unlocked')
  } finally {
    await dispatcher.stop()
  }
})

/** Runs the dispatcher until the receiver has the one delivery, then stops it. */
const runUntilDelivered = async (dispatcher: WebhookDispatcher, receiver: Awaited<ReturnType<typeof startReceiver>>) => {
  dispatcher.start()
  try {
    await receiver.waitFor(1)
  } finally {
    await dispatcher.stop()
  }
}

test('a loop that never quietens still gets its deliveries, in small rounds, one each max-defer interval', async () => {
  const { receiver, dispatcherFor } = await unlockedWithWebhook()
  const { dispatcher, claimLimits } = dispatcherFor(() => true, 50)
  await runUntilDelivered(dispatcher, receiver)
  assert.equal(receiver.received.length, 1)
  // Each round it ran while busy took a small batch, not a full one.
  assert.ok(claimLimits.length >= 1)
  assert.ok(
    claimLimits.every((limit) => limit === 20),
    `rounds asked for ${claimLimits.join(', ')}`,
  )
})

test('a quiet loop takes full batches', async () => {
  const { receiver, dispatcherFor } = await unlockedWithWebhook()
  const { dispatcher, claimLimits } = dispatcherFor(() => false, 3_600_000)
  await runUntilDelivered(dispatcher, receiver)
  assert.ok(claimLimits.length >= 1)
  assert.ok(
    claimLimits.every((limit) => limit === 100),
    `rounds asked for ${claimLimits.join(', ')}`,
  )
})
