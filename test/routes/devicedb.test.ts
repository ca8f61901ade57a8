import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { SeamHttp, SeamHttpApiError } from '@seamapi/http/connect'
import { routes as devicedbRoutes, type RouteResponse } from '@seamapi/types/devicedb'

import { AUGUST } from '../../src/sandbox/providers/august.ts'
import { SANDBOX_PROVIDERS } from '../../src/sandbox/providers/registry.ts'
import { createWorld, type World } from '../fixtures/world.ts'

/**
 * Seam's device database routes, called as Seam Components call them (`seam.client.get` with the
 * SDK's query serializer) and checked against the response schemas of `@seamapi/types/devicedb`.
 */

const BASE = '/internal/devicedb/v1'
const august = AUGUST.devicedb ?? assert.fail('August describes its hardware for the device database')
const augustId = august.manufacturer.manufacturer_id
const augustModelId = (august.device_models[0] ?? assert.fail('August has a model')).device_model_id

/** Every model the sandbox's providers describe, by id, with its category: what a filter picks from. */
const sandboxModels = SANDBOX_PROVIDERS.flatMap((p) =>
  (p.devicedb?.device_models ?? []).map((m) => ({
    id: m.device_model_id,
    category: m.main_category,
    manufacturer: p.devicedb?.manufacturer,
  })),
)

describe('device database routes (Seam Components’ SupportedDeviceTable)', () => {
  let w: World
  let endpoint: string
  let asKey: SeamHttp

  before(async () => {
    w = await createWorld({ manualDispose: true })
    endpoint = await w.app.listen({ host: '127.0.0.1', port: 0 })
    asKey = new SeamHttp({ apiKey: w.ws.api_key, endpoint })
  })
  after(() => w.dispose())

  type Params = Record<string, unknown>
  type Route = '/v1/manufacturers/list' | '/v1/manufacturers/get' | '/v1/device_models/list' | '/v1/device_models/get'
  /** An answer, checked against Seam's zod schema for the route and typed as Seam's route types say. */
  const checked = <R extends Route>(route: R, body: unknown): RouteResponse<R> =>
    devicedbRoutes[`/api${route}`].jsonResponse.parse(body) as RouteResponse<R>
  const get = async (seam: SeamHttp, route: string, params: Params = {}): Promise<Record<string, unknown>> =>
    (await seam.client.get(`${BASE}${route}`, { params })).data as Record<string, unknown>

  const manufacturers = async (params: Params = {}, seam = asKey) => {
    const body = checked('/v1/manufacturers/list', await get(seam, '/manufacturers/list', params))
    return body.manufacturers
  }
  const deviceModels = async (params: Params = {}, seam = asKey) => {
    const body = checked('/v1/device_models/list', await get(seam, '/device_models/list', params))
    return body.device_models
  }
  const modelIds = async (params: Params) => (await deviceModels(params)).map((m) => m.device_model_id).sort()

  /** The error a call answers: its HTTP status and Seam error code. */
  const failure = async (call: Promise<unknown>): Promise<[number, string]> => {
    try {
      await call
    } catch (error) {
      assert.ok(error instanceof SeamHttpApiError, String(error))
      return [error.statusCode, error.code]
    }
    return assert.fail('the call succeeded')
  }

  test('every credential a browser or server holds reads the same catalog: client session token, publishable key, API key, PAT', async () => {
    const session = await w.session({ user_identifier_key: 'devicedb-jane' })
    const asSession = SeamHttp.fromClientSessionToken(session.token, { endpoint })
    const asPublishable = await SeamHttp.fromPublishableKey(w.ws.publishable_key, 'devicedb-browser', { endpoint })
    const asPat = SeamHttp.fromPersonalAccessToken(w.as.pat.authorization?.replace('Bearer ', '') ?? '', w.ws.workspace_id, { endpoint })
    const expected = await manufacturers()
    for (const seam of [asSession, asPublishable, asPat]) assert.deepEqual(await manufacturers({}, seam), expected)

    // A publishable key itself (Seam's device database takes one), with the user it stands for.
    const raw = await w.request({
      method: 'GET',
      url: `${BASE}/manufacturers/list?user_identifier_key=devicedb-raw`,
      headers: w.as.publishable(),
    })
    assert.equal(raw.status, 200, raw.text)
    assert.deepEqual(raw.body.manufacturers, expected)

    const anonymous = await w.request({ method: 'GET', url: `${BASE}/manufacturers/list` })
    assert.equal(anonymous.status, 401)
    await w.api('/client_sessions/revoke', { client_session_id: session.client_session_id })
    const revoked = await w.request({ method: 'GET', url: `${BASE}/device_models/list`, headers: w.as.cst(session.token) })
    assert.equal(revoked.status, 401)
    assert.equal(revoked.body.error.type, 'client_session_revoked')
  })

  test('manufacturers/list answers each sandbox provider’s manufacturer once, with its model count and inline images', async () => {
    const listed = await manufacturers()
    const described = [
      ...new Map(SANDBOX_PROVIDERS.flatMap((p) => (p.devicedb ? [[p.devicedb.manufacturer.manufacturer_id, p]] : []))).keys(),
    ]
    assert.deepEqual(listed.map((m) => m.manufacturer_id).sort(), described.sort())
    const augustListed = listed.find((m) => m.manufacturer_id === augustId) ?? assert.fail('August is listed')
    assert.equal(augustListed.display_name, 'August')
    assert.equal(augustListed.integration_support_level, 'stable')
    assert.equal(augustListed.integration, augustListed.integration_support_level)
    for (const m of listed) {
      assert.equal(m.device_model_count, sandboxModels.filter((s) => s.manufacturer?.manufacturer_id === m.manufacturer_id).length)
      assert.match(m.logo?.url ?? '', /^data:image\//, `${m.display_name}'s logo is inline`)
    }
  })

  test('manufacturers/list filters by support level (a list, or the older integration_status) and by liqe_query', async () => {
    const ids = async (params: Params) => (await manufacturers(params)).map((m) => m.manufacturer_id)
    assert.ok((await ids({ integration_support_levels: ['stable', 'beta'] })).includes(augustId))
    assert.ok(!(await ids({ integration_support_levels: ['planned'] })).includes(augustId))
    assert.ok((await ids({ integration_status: 'stable' })).includes(augustId))
    assert.ok(!(await ids({ integration_status: 'beta' })).includes(augustId))
    // The SDK writes an empty list as `name=`: no level is wanted, so none is answered.
    assert.deepEqual(await ids({ integration_support_levels: [] }), [])

    // The queries SupportedDeviceTable builds from its `manufacturers` and `excludedManufacturers` props.
    assert.deepEqual(await ids({ liqe_query: '(display_name:"August")' }), [augustId])
    assert.deepEqual(await ids({ liqe_query: `(manufacturer_id:"${augustId}")` }), [augustId])
    assert.deepEqual(await ids({ liqe_query: 'manufacturer_id:none' }), [])
    assert.ok(!(await ids({ liqe_query: 'NOT (display_name:"August" OR display_name:"Nobody")' })).includes(augustId))
    assert.deepEqual(await ids({ liqe_query: '(display_name:"August" OR display_name:"Nobody") AND NOT (display_name:"Nobody")' }), [
      augustId,
    ])
    // A quoted value is the whole text, case and all; a bare one is found inside it, ignoring case.
    assert.deepEqual(await ids({ liqe_query: 'display_name:"august"' }), [])
    assert.deepEqual(await ids({ liqe_query: 'display_name:UGU is_connect_webview_supported:true' }), [augustId])
    assert.deepEqual(await ids({ liqe_query: 'display_name:august AND integration_support_level:beta' }), [])

    // What Latchkey does not read is refused, naming the parameter, never answered as if absent.
    for (const query of [
      'August',
      'display_name:/Aug/',
      'display_name:Aug*',
      'device_model_count:>0',
      '(display_name:"August"',
      'display_name:',
    ]) {
      const answer = await w.request({
        method: 'GET',
        url: `${BASE}/manufacturers/list?${new URLSearchParams({ liqe_query: query })}`,
        headers: w.as.apiKey,
      })
      assert.equal(answer.status, 400, query)
      assert.equal(answer.body.error.type, 'invalid_input', query)
      assert.ok(answer.body.error.validation_errors.liqe_query, query)
    }
    assert.deepEqual(await failure(get(asKey, '/manufacturers/list', { integration_support_levels: ['gold'] })), [400, 'invalid_input'])
  })

  test('manufacturers/get answers one manufacturer, or manufacturer_not_found', async () => {
    const body = checked('/v1/manufacturers/get', await get(asKey, '/manufacturers/get', { manufacturer_id: augustId }))
    assert.deepEqual(
      body.manufacturer,
      (await manufacturers()).find((m) => m.manufacturer_id === augustId),
    )
    assert.deepEqual(await failure(get(asKey, '/manufacturers/get', { manufacturer_id: '00000000-0000-4000-8000-000000000000' })), [
      404,
      'manufacturer_not_found',
    ])
    assert.deepEqual(await failure(get(asKey, '/manufacturers/get', { manufacturer_id: 'august' })), [400, 'invalid_input'])
    assert.deepEqual(await failure(get(asKey, '/manufacturers/get')), [400, 'invalid_input'])
  })

  test('device_models/list answers every sandbox model with its manufacturer, in Seam’s device model schema', async () => {
    const models = await deviceModels()
    assert.deepEqual(models.map((m) => m.device_model_id).sort(), sandboxModels.map((m) => m.id).sort())
    const lock = models.find((m) => m.device_model_id === augustModelId) ?? assert.fail('the August lock is listed')
    assert.equal(lock.display_name, 'Smart Lock Pro')
    assert.equal(lock.manufacturer.display_name, 'August')
    assert.equal(lock.main_category, 'smartlock')
    if (lock.main_category === 'smartlock') assert.equal(lock.can_remotely_unlock, true)
    const listed = await manufacturers()
    for (const model of models) {
      const maker =
        listed.find((m) => m.manufacturer_id === model.manufacturer.manufacturer_id) ?? assert.fail('its manufacturer is listed')
      // The manufacturer embedded as listed, less the model count that only the list carries.
      assert.deepEqual({ ...model.manufacturer, device_model_count: maker.device_model_count }, maker)
      assert.ok(!('device_model_count' in model.manufacturer))
      for (const variant of model.aesthetic_variants) for (const image of variant.images) assert.match(image.url, /^data:image\//)
    }
  })

  test('device_models/list filters by manufacturer, category, support level, text and capability paths', async () => {
    const augustModels = sandboxModels
      .filter((m) => m.manufacturer?.manufacturer_id === augustId)
      .map((m) => m.id)
      .sort()
    assert.deepEqual(await modelIds({ manufacturer_id: augustId }), augustModels)
    assert.deepEqual(await modelIds({ manufacturer_ids: [augustId] }), augustModels)
    assert.deepEqual(await modelIds({ manufacturer_id: '00000000-0000-4000-8000-000000000000' }), [])
    for (const category of ['smartlock', 'thermostat', 'sensor', 'relay'] as const) {
      assert.deepEqual(
        await modelIds({ main_category: category }),
        sandboxModels
          .filter((m) => m.category === category)
          .map((m) => m.id)
          .sort(),
      )
    }
    assert.ok((await modelIds({ integration_support_levels: ['stable', 'beta'] })).includes(augustModelId))
    assert.ok(!(await modelIds({ integration_support_levels: ['beta'] })).includes(augustModelId))
    assert.ok(!(await modelIds({ integration_status: 'inquire' })).includes(augustModelId))

    // text_search: the model's or its manufacturer's name, ignoring case.
    assert.ok((await modelIds({ text_search: 'lock pro' })).includes(augustModelId))
    assert.ok((await modelIds({ text_search: 'AUGUST' })).includes(augustModelId))
    assert.deepEqual(await modelIds({ text_search: 'no such hardware' }), [])

    // include_if: every path true on the model; exclude_if: none of them.
    assert.ok(
      (await modelIds({ include_if: ['can_remotely_unlock', 'software_features.can_program_access_codes'] })).includes(augustModelId),
    )
    assert.ok(
      !(await modelIds({ include_if: ['can_remotely_unlock', 'software_features.can_program_access_codes_offline'] })).includes(
        augustModelId,
      ),
    )
    assert.ok(!(await modelIds({ include_if: ['can_hvac_heat'] })).includes(augustModelId))
    assert.ok(!(await modelIds({ exclude_if: ['can_remotely_unlock'] })).includes(augustModelId))
    assert.ok((await modelIds({ exclude_if: ['can_hvac_heat', 'physical_properties.has_camera'] })).includes(augustModelId))
    assert.deepEqual(await modelIds({ include_if: [] }), [])
    assert.deepEqual(await failure(get(asKey, '/device_models/list', { include_if: ['Can-Unlock'] })), [400, 'invalid_input'])
    assert.deepEqual(await failure(get(asKey, '/device_models/list', { main_category: 'toaster' })), [400, 'invalid_input'])

    // Filters combine: each narrows the others.
    assert.deepEqual(await modelIds({ manufacturer_id: augustId, main_category: 'thermostat' }), [])
    assert.deepEqual(await modelIds({ manufacturer_ids: [augustId], text_search: 'smart', include_if: ['can_remotely_lock'] }), [
      augustModelId,
    ])
  })

  test('device_models/get answers one model, or device_model_not_found', async () => {
    const body = checked('/v1/device_models/get', await get(asKey, '/device_models/get', { device_model_id: augustModelId }))
    assert.deepEqual(
      body.device_model,
      (await deviceModels()).find((m) => m.device_model_id === augustModelId),
    )
    assert.deepEqual(await failure(get(asKey, '/device_models/get', { device_model_id: '00000000-0000-4000-8000-000000000000' })), [
      404,
      'device_model_not_found',
    ])
  })

  test('the routes answer GET only, as Seam’s device database does', async () => {
    const answer = await w.request({ method: 'POST', url: `${BASE}/manufacturers/list`, payload: {}, headers: w.as.apiKey })
    assert.equal(answer.status, 405)
  })
})
