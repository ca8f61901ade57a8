import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { openapi } from '@seamapi/types/connect'

import { SEAM_EVENT_TYPES } from '../../src/contract/seam-event-types.ts'
import { ROUTES } from '../../src/routes/index.ts'
import { createWorld } from '../fixtures/world.ts'

type Schema = { properties?: Record<string, unknown>; oneOf?: Schema[]; anyOf?: Schema[]; allOf?: Schema[] }
type Operation = { parameters?: { name: string }[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }

/** Every parameter Seam's document defines on a path, from its query parameters and JSON bodies (all variants). */
const seamParameters = (path: string): Set<string> => {
  const names = new Set<string>()
  const collect = (schema: Schema | undefined) => {
    if (schema === undefined) return
    for (const name of Object.keys(schema.properties ?? {})) names.add(name)
    for (const variant of [...(schema.oneOf ?? []), ...(schema.anyOf ?? []), ...(schema.allOf ?? [])]) collect(variant)
  }
  const operations = (openapi.paths as Record<string, Record<string, Operation>>)[path] ?? {}
  for (const operation of Object.values(operations)) {
    for (const parameter of operation.parameters ?? []) names.add(parameter.name)
    collect(operation.requestBody?.content?.['application/json']?.schema)
  }
  return names
}

/** The parameters Latchkey's own document lists for a path. */
const documentedParameters = (document: { paths: Record<string, Record<string, Operation>> }, path: string): Set<string> => {
  const names = new Set<string>()
  for (const operation of Object.values(document.paths[path] ?? {})) {
    for (const parameter of operation.parameters ?? []) names.add(parameter.name)
    for (const name of Object.keys(operation.requestBody?.content?.['application/json']?.schema?.properties ?? {})) names.add(name)
  }
  return names
}

describe("Seam's parameters: each one is honoured or refused, none ignored", () => {
  test('for every route served and every parameter Seam defines on it', async () => {
    const w = await createWorld()
    const document = (await w.request({ method: 'GET', url: '/openapi.json' })).body
    let honoured = 0
    let refused = 0
    for (const route of ROUTES) {
      const accepted = Object.keys(route.params.shape)
      const documented = documentedParameters(document, route.path)
      const method = route.methods.includes('POST') ? 'POST' : (route.methods[0] as string)
      // A route only a PAT without a workspace may call (workspaces/create) gets that credential.
      const headers = route.auth.some((kind) => kind === 'api_key') ? w.as.apiKey : { authorization: w.as.pat.authorization as string }
      for (const name of seamParameters(route.path)) {
        if (accepted.includes(name)) {
          assert.ok(documented.has(name), `${route.path} ${name}: honoured but missing from /openapi.json`)
          assert.ok(!(route.unsupported ?? []).includes(name), `${route.path} ${name}: both honoured and refused`)
          honoured++
          continue
        }
        const value = 'x'
        const res =
          method === 'POST' || method === 'PUT' || method === 'PATCH'
            ? await w.request({ method, url: route.path, payload: { [name]: value }, headers })
            : await w.request({
                method: method as 'GET' | 'DELETE',
                url: `${route.path}?${new URLSearchParams({ [name]: value })}`,
                headers,
              })
        assert.equal(res.status, 400, `${route.path} ${name}: answered ${res.status}, neither honoured nor refused`)
        assert.equal(res.body.error.type, 'invalid_input')
        assert.match(res.body.error.message, new RegExp(`^${name}: .*not supported`), `${route.path} ${name}`)
        assert.deepEqual(res.body.error.validation_errors[name], { _errors: ['Not supported by Latchkey'] })
        refused++
      }
    }
    // The document defines over two hundred parameters on these routes; the split is reported, not pinned.
    assert.ok(honoured + refused > 200, `${honoured} honoured, ${refused} refused`)
    assert.ok(honoured > refused, `${honoured} honoured, ${refused} refused`)
  })

  test('a refused parameter changes nothing: the request is refused before any write', async () => {
    const w = await createWorld()
    const before = (await w.api('/connect_webviews/list')).body.connect_webviews.length
    const res = await w.api('/connect_webviews/create', { excluded_providers: ['august'] })
    assert.equal(res.status, 400)
    assert.equal((await w.api('/connect_webviews/list')).body.connect_webviews.length, before)
  })

  test("the event types accepted are exactly the ones Seam's document defines", () => {
    const operation = (
      openapi.paths as Record<
        string,
        Record<string, { requestBody: { content: { 'application/json': { schema: { properties: { event_type: { enum: string[] } } } } } } }>
      >
    )['/events/list']?.post
    const seam = operation?.requestBody.content['application/json'].schema.properties.event_type.enum
    assert.deepEqual([...SEAM_EVENT_TYPES].sort(), [...(seam ?? [])].sort())
  })
})
