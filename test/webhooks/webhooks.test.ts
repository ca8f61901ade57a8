import assert from 'node:assert/strict'
import { describe, mock, test } from 'node:test'

import { SeamWebhook } from '@seamapi/webhook'

import type { WebhookConfig } from '../../src/domain/context.ts'
import { createWorld, type World } from '../fixtures/world.ts'
import { startReceiver } from './receiver.ts'

const FAST = { allowHosts: ['127.0.0.1'], retryScheduleSeconds: [0.2, 0.5], pollMs: 50 }

/** A world whose workspace has jane's three sandbox locks. */
const withLocks = async (webhooks: Partial<WebhookConfig> = FAST) => {
  const w = await createWorld({ webhooks })
  const webview = (await w.api('/connect_webviews/create', {})).body.connect_webview
  await w.signIn(webview.url, 'jane@example.com', '1234')
  const devices = (await w.api('/devices/list')).body.devices as { device_id: string }[]
  return { w, lockId: devices[0]?.device_id as string }
}

const headersOf = (headers: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).filter(([, v]) => typeof v === 'string')) as Record<string, string>

const deliveries = (w: World) => w.store.listDeliveries({ limit: 100 })

/**
 * Verifies a delivery as @seamapi/webhook does, on a receiver whose clock reads the delivery's
 * svix-timestamp: the dispatcher stamps it from the app's clock, which in tests is the world's
 * hand-moved one, and the signature (not the tolerance for clock skew) is what is checked here.
 */
const verify = (secret: string, body: string, headers: Record<string, unknown>): unknown => {
  const plain = headersOf(headers)
  mock.timers.enable({ apis: ['Date'], now: Number(plain['svix-timestamp']) * 1000 })
  try {
    return new SeamWebhook(secret).verify(body, plain)
  } finally {
    mock.timers.reset()
  }
}

/**
 * The deliveries once `done` holds for them: the receiver has its request before the dispatcher
 * writes down the answer. Bounded; what is asserted is what was stored, not how soon.
 */
const settled = async (w: World, done: (all: Awaited<ReturnType<typeof deliveries>>) => boolean) => {
  for (let i = 0; i < 400; i++) {
    const all = await deliveries(w)
    if (done(all)) return all
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return deliveries(w)
}

/**
 * Makes the next `retries` retries of the delivery to `url` due: each time its last attempt is
 * written down, the app's clock moves past the retry's wait (FAST's schedule is under a second).
 * Nothing waits for a retry's wait to pass in real time.
 */
const retriesDue = async (w: World, url: string, retries: number) => {
  const webhookIds = new Set(
    ((await w.api('/webhooks/list')).body.webhooks as { webhook_id: string; url: string }[])
      .filter((h) => h.url === url)
      .map((h) => h.webhook_id),
  )
  for (let attempts = 1; attempts <= retries; attempts++) {
    const done = await settled(w, (all) => all.some((d) => webhookIds.has(d.webhookId) && d.attempts >= attempts))
    assert.ok(
      done.some((d) => webhookIds.has(d.webhookId) && d.attempts >= attempts),
      `attempt ${attempts} to ${url} was made`,
    )
    w.clock.advance(1000)
  }
}

describe('webhooks', () => {
  test('create, get, list, update and delete, scoped to the workspace; a client session token is refused', async () => {
    const w = await createWorld()
    const created = await w.api('/webhooks/create', { url: 'https://hooks.example.com/seam' })
    assert.equal(created.status, 200, created.text)
    const webhook = created.body.webhook
    assert.deepEqual(webhook.event_types, ['*'])
    assert.match(webhook.secret, /^whsec_[A-Za-z0-9+/]+=*$/)
    assert.ok(Buffer.from(webhook.secret.slice('whsec_'.length), 'base64').length >= 24)
    assert.deepEqual((await w.api('/webhooks/get', { webhook_id: webhook.webhook_id })).body.webhook, webhook)
    assert.deepEqual((await w.api('/webhooks/list')).body.webhooks, [webhook])
    assert.equal(
      (await w.api('/webhooks/update', { webhook_id: webhook.webhook_id, event_types: ['lock.unlocked', 'lock.locked'] })).status,
      200,
    )
    assert.deepEqual((await w.api('/webhooks/get', { webhook_id: webhook.webhook_id })).body.webhook.event_types, [
      'lock.locked',
      'lock.unlocked',
    ])
    assert.equal(
      (await w.api('/webhooks/update', { webhook_id: webhook.webhook_id, event_types: ['door.opened.maybe'] })).body.error.type,
      'invalid_input',
    )
    assert.equal((await w.api('/webhooks/create', { url: 'ftp://hooks.example.com' })).body.error.type, 'invalid_input')

    const otherKey = { authorization: `Bearer ${w.other.api_key}` }
    assert.equal((await w.api('/webhooks/get', { webhook_id: webhook.webhook_id }, otherKey)).body.error.type, 'webhook_not_found')
    assert.deepEqual((await w.api('/webhooks/list', {}, otherKey)).body.webhooks, [])
    assert.equal((await w.api('/webhooks/delete', { webhook_id: webhook.webhook_id }, otherKey)).status, 404)
    const session = await w.session({ user_identifier_key: 'jane' })
    assert.equal((await w.api('/webhooks/list', {}, w.as.cst(session.token))).status, 401)
    assert.equal((await w.api('/webhooks/list', {}, w.as.pat)).status, 200)

    assert.equal((await w.api('/webhooks/delete', { webhook_id: webhook.webhook_id })).status, 200)
    assert.equal((await w.api('/webhooks/get', { webhook_id: webhook.webhook_id })).status, 404)
  })

  test('an event of a type the webhook receives is POSTed, signed so that @seamapi/webhook verifies it', async () => {
    const { w, lockId } = await withLocks()
    const receiver = await startReceiver()
    const { secret } = (await w.api('/webhooks/create', { url: receiver.url, event_types: ['lock.unlocked'] })).body.webhook
    await w.api('/locks/lock_door', { device_id: lockId })
    await w.api('/locks/unlock_door', { device_id: lockId })
    await receiver.waitFor(1)
    const [delivery] = receiver.received
    assert.ok(delivery)
    assert.equal(delivery.headers['content-type'], 'application/json')
    const verified = verify(secret as string, delivery.body, delivery.headers)
    const event = verified as { event_type: string; event_id: string }
    assert.equal(event.event_type, 'lock.unlocked')
    const stored = (await w.api('/events/get', { event_id: event.event_id })).body.event
    assert.deepEqual(JSON.parse(delivery.body), stored)
    assert.throws(() => verify(secret as string, `${delivery.body} `, delivery.headers))
    // Only the type it receives: lock.locked was not sent.
    const states = await settled(w, (all) => all.every((d) => d.status !== 'pending'))
    assert.deepEqual(
      states.map((d) => d.status),
      ['succeeded'],
    )
    assert.equal(states[0]?.lastStatus, 200)
  })

  test('a failed attempt is retried on the schedule with the same svix-id; after the last one the delivery is failed and kept', async () => {
    const { w, lockId } = await withLocks()
    // Fails twice, then answers 204.
    const receiver = await startReceiver((n) => (n <= 2 ? 500 : 204))
    const { secret } = (await w.api('/webhooks/create', { url: receiver.url })).body.webhook
    await w.api('/locks/unlock_door', { device_id: lockId })
    await retriesDue(w, receiver.url, 2)
    await receiver.waitFor(3)
    const ids = receiver.received.map((r) => r.headers['svix-id'])
    assert.equal(new Set(ids).size, 1, 'one svix-id across attempts')
    for (const r of receiver.received) verify(secret as string, r.body, r.headers)
    const [done] = await settled(w, (all) => all.every((d) => d.status !== 'pending'))
    assert.equal(done?.status, 'succeeded')
    assert.deepEqual(
      done?.attemptLog.map((a) => a.status),
      [500, 500, 204],
    )

    // Always 503: three attempts (the first and two retries), then failed, kept with its log.
    const down = await startReceiver(() => 503)
    await w.api('/webhooks/update', {
      webhook_id: (await w.api('/webhooks/list')).body.webhooks[0].webhook_id,
      event_types: ['lock.locked'],
    })
    await w.api('/webhooks/create', { url: down.url, event_types: ['lock.locked'] })
    await w.api('/locks/lock_door', { device_id: lockId })
    await retriesDue(w, down.url, 2)
    await down.waitFor(3)
    let failed
    for (let i = 0; i < 200 && failed === undefined; i++) {
      failed = (await w.store.listDeliveries({ status: 'failed', limit: 10 }))[0]
      if (failed === undefined) await new Promise((resolve) => setTimeout(resolve, 50))
    }
    assert.ok(failed, 'the delivery ended failed')
    assert.equal(failed.attempts, 3)
    assert.equal(down.received.length, 3)
    assert.deepEqual(
      failed.attemptLog.map((a) => a.status),
      [503, 503, 503],
    )
  })

  test('a receiver on an internal address is refused unless its host is allowed, and never contacted', async () => {
    const { w, lockId } = await withLocks({ ...FAST, allowHosts: [], retryScheduleSeconds: [] })
    const receiver = await startReceiver()
    await w.api('/webhooks/create', { url: receiver.url })
    await w.api('/locks/unlock_door', { device_id: lockId })
    let failed
    for (let i = 0; i < 200 && failed === undefined; i++) {
      failed = (await w.store.listDeliveries({ status: 'failed', limit: 10 }))[0]
      if (failed === undefined) await new Promise((resolve) => setTimeout(resolve, 50))
    }
    assert.ok(failed)
    assert.match(failed.lastError ?? '', /internal address.*LATCHKEY_WEBHOOK_ALLOW_HOSTS/)
    assert.equal(receiver.received.length, 0)
  })

  test('a deleted webhook is sent nothing more; the metrics count deliveries by outcome', async () => {
    const { w, lockId } = await withLocks()
    const receiver = await startReceiver()
    const { webhook_id } = (await w.api('/webhooks/create', { url: receiver.url, event_types: ['lock.unlocked'] })).body.webhook
    await w.api('/locks/unlock_door', { device_id: lockId })
    await receiver.waitFor(1)
    await settled(w, (all) => all.every((d) => d.status !== 'pending'))
    const metrics = (await w.request({ method: 'GET', url: '/metrics' })).text
    assert.match(metrics, /latchkey_webhook_deliveries_total\{outcome="succeeded"\} 1/)
    assert.match(metrics, /latchkey_webhook_deliveries_pending 0/)
    await w.api('/webhooks/delete', { webhook_id })
    await w.api('/locks/unlock_door', { device_id: lockId })
    assert.deepEqual(await deliveries(w), [])
  })

  test('an event is sent to the webhooks that receive its type and existed when it happened; nothing stays awaiting', async () => {
    // The dispatcher never runs by itself here: the test makes each round of deliveries.
    const { w, lockId } = await withLocks({ ...FAST, pollMs: 3_600_000 })
    const receiver = await startReceiver()
    const locked = (await w.api('/webhooks/create', { url: receiver.url, event_types: ['lock.locked'] })).body.webhook
    await w.api('/locks/unlock_door', { device_id: lockId })
    w.clock.advance(1000)
    const everything = (await w.api('/webhooks/create', { url: receiver.url })).body.webhook
    await w.api('/locks/lock_door', { device_id: lockId })
    const events = (await w.api('/events/list', { event_types: ['lock.unlocked', 'lock.locked'] })).body.events as {
      event_id: string
      event_type: string
    }[]
    assert.equal(events.length, 2)
    const eventOf = (type: string) => events.find((e) => e.event_type === type)?.event_id

    const awaiting = async () => (await w.store.deliveryStats()).eventsAwaitingDeliveries
    assert.equal(await awaiting(), 2)
    await w.store.fanOutEvents(new Date().toISOString(), 100)
    assert.equal(await awaiting(), 0)
    const made = (await deliveries(w)).map((d) => `${d.webhookId} ${d.eventId}`).sort()
    // The unlock happened before `everything` existed and is not a type `locked` receives.
    assert.deepEqual(made, [`${everything.webhook_id} ${eventOf('lock.locked')}`, `${locked.webhook_id} ${eventOf('lock.locked')}`].sort())
    // A second round makes nothing again.
    assert.equal(await w.store.fanOutEvents(new Date().toISOString(), 100), 0)
    assert.equal((await deliveries(w)).length, 2)
  })
})
