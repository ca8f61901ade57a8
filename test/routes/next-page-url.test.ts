import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import * as sdk from '@seamapi/http/connect'
import { serializeUrlSearchParams } from '@seamapi/url-search-params-serializer'

import { seamQueryString } from '../../src/http/page-url.ts'
import { ROUTES } from '../../src/routes/index.ts'
import { connectSaltoKs } from '../fixtures/acs.ts'
import { createWorld, type World } from '../fixtures/world.ts'

/** Every route that pages (it takes `page_cursor`, src/routes/page-cursor.ts): none can be left out. */
const PAGED = ROUTES.filter((route) => 'page_cursor' in route.params.shape)

/** The parameters a paged route needs besides paging, filled in once the fixture exists. */
const required = (ids: { lock: string }): Record<string, Record<string, unknown>> => ({
  '/access_codes/list': { device_id: ids.lock },
  '/access_codes/unmanaged/list': { device_id: ids.lock },
  '/events/list': { since: '2020-01-01T00:00:00.000Z', event_types: ['device.connected', 'lock.unlocked', 'lock.locked'] },
})

type Page = { items: unknown[]; pagination: { has_next_page: boolean; next_page_cursor: string | null; next_page_url: string | null } }

describe('pagination.next_page_url: the same request with the next page_cursor, null on the last page', () => {
  let w: World
  let endpoint: string
  let origin: string
  let lock: string

  before(async () => {
    w = await createWorld({ manualDispose: true })
    endpoint = await w.app.listen({ host: '127.0.0.1', port: 0 })
    let webviewUrl = ''
    for (const email of ['jane@example.com', 'john@example.com']) {
      const webview = (await w.api('/connect_webviews/create')).body.connect_webview
      webviewUrl = webview.url as string
      assert.equal((await w.signIn(webview.url, email, '1234')).status, 200)
    }
    // The origin the server hands out URLs on (as in a webview's url).
    origin = new URL(webviewUrl).origin
    for (const key of ['ann', 'bob']) {
      const identity = (await w.api('/user_identities/create', { user_identity_key: key })).body.user_identity
      await w.session({ user_identifier_key: key, user_identity_id: identity.user_identity_id })
    }
    lock = (await w.api('/locks/list')).body.locks[0].device_id
    await w.api('/locks/unlock_door', { device_id: lock })
    await w.api('/locks/lock_door', { device_id: lock })
    for (const code of ['1111', '2222']) assert.equal((await w.api('/access_codes/create', { device_id: lock, code })).status, 200)
    for (const code of ['3333', '4444']) {
      const body = { device_id: lock, name: code, code }
      assert.equal((await w.api('/access_codes/simulate/create_unmanaged_access_code', body)).status, 200)
    }
    // Two of the other locks unmanaged, for devices/unmanaged/list (the rest still fill devices/list).
    const others = ((await w.api('/devices/list')).body.devices as { device_id: string }[]).filter((d) => d.device_id !== lock)
    for (const device of others.slice(0, 2)) {
      assert.equal((await w.api('/devices/update', { device_id: device.device_id, is_managed: false })).status, 200)
    }
    // Two Minut sensors, for noise_sensors/list (after those, so they stay managed).
    const minut = (await w.api('/connect_webviews/create', { accepted_providers: ['minut'] })).body.connect_webview
    assert.equal((await w.signIn(minut.url, 'host@example.com', '1234', { code: '' })).status, 200)
    // Two ecobee thermostats, for thermostats/list.
    const ecobee = (await w.api('/connect_webviews/create', { accepted_providers: ['ecobee'] })).body.connect_webview
    assert.equal((await w.signIn(ecobee.url, 'jane@example.com', '1234', { code: '' })).status, 200)
    // Access control: a Salto KS site's users and entrances, for acs/users/list and acs/entrances/list.
    await connectSaltoKs(w)
  })
  after(() => w.dispose())

  const itemsOf = (body: Record<string, unknown>): unknown[] => {
    const key = Object.keys(body).find((k) => k !== 'pagination' && k !== 'ok' && Array.isArray(body[k]))
    assert.ok(key !== undefined, JSON.stringify(body).slice(0, 200))
    return body[key] as unknown[]
  }
  const read = async (method: 'GET' | 'POST', url: string, body?: Record<string, unknown>): Promise<Page> => {
    const res =
      method === 'GET'
        ? await w.request({ method, url, headers: w.as.apiKey })
        : await w.request({ method, url, payload: body ?? {}, headers: w.as.apiKey })
    assert.equal(res.status, 200, `${method} ${url}: ${res.text}`)
    return { items: itemsOf(res.body), pagination: res.body.pagination }
  }

  /** Walks every page from the first one, following next_page_url with GET; checks each URL on the way. */
  const walk = async (path: string, params: Record<string, unknown>, first: Page) => {
    const items = [...first.items]
    let page = first
    let pages = 1
    while (page.pagination.has_next_page) {
      const { next_page_cursor: cursor, next_page_url: next } = page.pagination
      assert.ok(cursor !== null && next !== null, `${path}: a next page has a cursor and a URL`)
      const url = new URL(next)
      assert.equal(url.origin, origin, `${path}: an absolute URL on the server's origin`)
      assert.equal(url.pathname, path)
      // Seam's own serialization of the request's parameters with the next cursor, names sorted.
      assert.equal(url.search.slice(1), serializeUrlSearchParams({ ...params, page_cursor: cursor }), path)
      page = await read('GET', `${url.pathname}${url.search}`)
      items.push(...page.items)
      pages++
    }
    assert.equal(page.pagination.next_page_url, null, `${path}: null on the last page`)
    assert.equal(page.pagination.next_page_cursor, null)
    return { items, pages }
  }

  test('every paged route, listed by POST and by GET, walks to the same rows as one page holds', async () => {
    assert.ok(PAGED.length >= 9, `${PAGED.length} paged routes`)
    for (const route of PAGED) {
      const params = { ...(required({ lock })[route.path] ?? {}), limit: 1 }
      const whole = await read('POST', route.path, { ...params, limit: 10_000 })
      assert.equal(whole.pagination.next_page_url, null, `${route.path}: one page holds all`)
      assert.ok(whole.items.length >= 2, `${route.path}: the fixture gives it more than one page (${whole.items.length} rows)`)
      for (const method of route.methods.filter((m) => m === 'GET' || m === 'POST')) {
        const first =
          method === 'POST'
            ? await read('POST', route.path, params)
            : await read('GET', `${route.path}?${serializeUrlSearchParams(params)}`)
        const { items, pages } = await walk(route.path, params, first)
        assert.equal(pages, whole.items.length, `${method} ${route.path}: one row a page`)
        assert.deepEqual(items, whole.items, `${method} ${route.path}`)
      }
    }
  })

  test('the query is written as @seamapi/url-search-params-serializer writes it, for every kind of value a list takes', () => {
    const cases: Record<string, unknown>[] = [
      { limit: 2, page_cursor: 'abc' },
      { event_types: ['lock.locked', 'lock.unlocked'], since: '2026-01-01T00:00:00.000Z', between: ['a', 'b'] },
      { device_ids: [], without_user_identifier_key: true, search: '', user_identifier_key: 'a b&c=d/é', skip: undefined },
      { nested: { inner: 'x', deeper: { n: 3 } }, nothing: null, z: false, a: 0 },
    ]
    for (const params of cases) assert.equal(seamQueryString(params), serializeUrlSearchParams(params), JSON.stringify(params))
  })

  test("Seam's SDK paginator walks every page; each page's nextPageUrl fetches the next page", async () => {
    const seam = new sdk.SeamHttp({ apiKey: w.ws.api_key, endpoint })
    const whole = await seam.devices.list()
    assert.ok(whole.length >= 2)
    assert.deepEqual(await seam.createPaginator(seam.devices.list({ limit: 1 })).flattenToArray(), whole)

    const paginator = seam.createPaginator(seam.events.list({ since: '2020-01-01T00:00:00.000Z', limit: 2 }))
    let [events, pagination] = await paginator.firstPage()
    const walked = [...events]
    while (pagination.hasNextPage) {
      assert.ok(pagination.nextPageUrl !== null)
      const next = new URL(pagination.nextPageUrl)
      const byUrl = await fetch(`${endpoint}${next.pathname}${next.search}`, { headers: { authorization: `Bearer ${w.ws.api_key}` } })
      ;[events, pagination] = await paginator.nextPage(pagination.nextPageCursor)
      assert.deepEqual(((await byUrl.json()) as { events: unknown[] }).events, events)
      walked.push(...events)
    }
    assert.equal(pagination.nextPageUrl, null)
    assert.deepEqual(walked, await seam.events.list({ since: '2020-01-01T00:00:00.000Z' }))
  })
})
